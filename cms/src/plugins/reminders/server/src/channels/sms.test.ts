import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_CONFIG } from '../config';
import { httpSmsProvider } from './sms';

/**
 * A loopback gateway that answers the first request on each connection and, like a gateway
 * closing an idle kept-alive connection just as it is reused, drops the connection on the
 * second request without answering.
 */
function startGateway() {
  const seen = new WeakMap<Socket, number>();
  const answered: string[] = [];
  const server: Server = createServer((request, response) => {
    const count = (seen.get(request.socket) ?? 0) + 1;
    seen.set(request.socket, count);
    if (count > 1) {
      request.socket.destroy();
      return;
    }
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      answered.push(new URLSearchParams(raw).get('text') ?? '');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message_id: `m${answered.length}` }));
    });
  });
  return new Promise<{ server: Server; url: string; answered: string[] }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        answered,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
      }),
    ),
  );
}

describe('httpSmsProvider', () => {
  it('sends again on a fresh connection when a reused kept-alive one is dropped before any answer', async () => {
    const gateway = await startGateway();
    const provider = httpSmsProvider({
      ...DEFAULT_CONFIG,
      concurrency: 1,
      sms: { ...DEFAULT_CONFIG.sms, provider: 'http', baseUrl: gateway.url, token: 't' },
    });
    try {
      const first = await provider.send({ to: '9841000001', text: 'one', reference: 'r:1' });
      const second = await provider.send({ to: '9841000002', text: 'two', reference: 'r:2' });
      expect([first.messageId, second.messageId]).toEqual(['m1', 'm2']);
      expect(gateway.answered).toEqual(['one', 'two']);
    } finally {
      provider.close?.();
      gateway.server.close();
    }
  });
});
