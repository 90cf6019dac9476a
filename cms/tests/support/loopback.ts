import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMail } from '../smtp';

export interface ReceivedSms {
  token: string;
  from: string;
  to: string;
  text: string;
  messageId: string;
}

export interface SmsGateway {
  url: string;
  received: ReceivedSms[];
  /** While set, every request answers this status with an error body. */
  failWith: number | null;
  close(): Promise<void>;
}

/**
 * A loopback SMS gateway shaped like Nepal's HTTP gateways: form POST of token, from, to,
 * text; 200 with a JSON message id, 401 for a wrong token.
 */
export function startSmsGateway(token: string): Promise<SmsGateway> {
  const received: ReceivedSms[] = [];
  let counter = 0;
  const gateway: SmsGateway = {
    url: '',
    received,
    failWith: null,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const form = new URLSearchParams(raw);
      if (gateway.failWith) {
        response.writeHead(gateway.failWith, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ response_code: gateway.failWith, response: 'Gateway busy' }));
        return;
      }
      if (form.get('token') !== token) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ response_code: 401, response: 'Invalid token' }));
        return;
      }
      counter += 1;
      const messageId = `gw-${counter}`;
      received.push({
        token: form.get('token') ?? '',
        from: form.get('from') ?? '',
        to: form.get('to') ?? '',
        text: form.get('text') ?? '',
        messageId,
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ response_code: 200, message_id: messageId, count: 1 }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/sms`;
      resolve(gateway);
    });
  });
}

export interface RestartableSmtp {
  port: number;
  received: ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A loopback SMTP server that can go down and come back on the same port. */
export async function startRestartableSmtp(): Promise<RestartableSmtp> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  const smtp: RestartableSmtp = {
    port: 0,
    received,
    async stop() {
      const current = server;
      server = null;
      if (current) await new Promise<void>((done) => current.close(() => done()));
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, callback) {
          let raw = '';
          stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
          stream.on('end', () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw,
            });
            callback();
          });
        },
      });
      const started = server;
      await new Promise<void>((resolve) =>
        started.listen(smtp.port, '127.0.0.1', () => {
          smtp.port = (started.server.address() as AddressInfo).port;
          resolve();
        }),
      );
    },
  };
  await smtp.start();
  return smtp;
}

/** Polls `check` every 100 ms until it returns true; throws after `ms`. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  ms = 20_000,
  what = 'condition',
) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
