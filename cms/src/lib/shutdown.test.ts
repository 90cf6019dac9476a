import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { drainRequestsBeforeDestroy, isShuttingDown } from './shutdown';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real HTTP server whose listener returns a promise that settles when its handler is done,
 * as Strapi's does (Koa's promise), and the parts of Strapi the drain uses.
 */
async function app(handlerMs: number, graceMs = 5_000) {
  const events: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const server = http.createServer(async (_request: IncomingMessage, response: ServerResponse) => {
    events.push('handler started');
    // Headers go with the body, when the handler is done, as Koa sends them.
    await wait(handlerMs);
    response.setHeader('content-type', 'text/plain');
    events.push('handler done');
    response.end('done');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const strapi = {
    server: { httpServer: server },
    log: { info: (_message: string, meta: Record<string, unknown>) => logs.push(meta) },
    destroy: async () => {
      events.push('strapi destroy');
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  } as unknown as Core.Strapi;
  drainRequestsBeforeDestroy(strapi, graceMs);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { strapi, server, url, events, logs };
}

describe('drainRequestsBeforeDestroy', () => {
  it('waits for the handler of a request whose caller hung up before Strapi destroys', async () => {
    const { strapi, url, events, logs } = await app(300);
    const hungUp = new AbortController();
    const reading = fetch(url, { signal: hungUp.signal }).then((response) => response.text());
    await wait(50);
    hungUp.abort();
    await reading.catch(() => undefined);
    await wait(20);
    expect(events).toEqual(['handler started']);
    await strapi.destroy();
    expect(events).toEqual(['handler started', 'handler done', 'strapi destroy']);
    expect(logs).toEqual([expect.objectContaining({ unfinished: 0 })]);
    expect(isShuttingDown(strapi)).toBe(true);
  });

  it('answers what is in flight with Connection: close and takes no new connection', async () => {
    const { strapi, url, events } = await app(200);
    const agent = new http.Agent({ keepAlive: true });
    const get = () =>
      new Promise<{ status: number; connection: string | undefined; body: string }>(
        (resolve, reject) => {
          http
            .get(url, { agent }, (response) => {
              let body = '';
              response.on('data', (chunk: Buffer) => (body += chunk.toString()));
              response.on('end', () =>
                resolve({
                  status: response.statusCode ?? 0,
                  connection: response.headers.connection,
                  body,
                }),
              );
            })
            .on('error', reject);
        },
      );
    const inFlight = get();
    await wait(50);
    const destroyed = strapi.destroy();
    await expect(inFlight).resolves.toEqual({
      status: 200,
      connection: 'close',
      body: 'done',
    });
    await destroyed;
    await expect(fetch(url)).rejects.toThrow();
    expect(events).toEqual(['handler started', 'handler done', 'strapi destroy']);
    agent.destroy();
  });

  it('stops waiting after the grace period and says how many were unfinished', async () => {
    const { strapi, url, events, logs } = await app(2_000, 100);
    const reading = fetch(url).catch(() => undefined);
    await wait(50);
    await strapi.destroy();
    expect(events).toEqual(['handler started', 'strapi destroy']);
    expect(logs).toEqual([expect.objectContaining({ unfinished: 1 })]);
    await reading;
  });
});
