import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { RemindersConfig } from '../config';
import type { ChannelResult } from './email';

export interface SmsMessage {
  /** 98XXXXXXXX */
  to: string;
  text: string;
  /** Our delivery key, for providers that accept a client reference. */
  reference: string;
}

/** What every SMS gateway adapter offers. */
export interface SmsProvider {
  name: string;
  send(message: SmsMessage): Promise<ChannelResult>;
  /** Lets go of kept-alive connections (stopping). */
  close?(): void;
}

export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SmsProviderError';
  }
}

const MESSAGE_ID_FIELDS = ['message_id', 'messageId', 'id', 'msg_id'] as const;

function messageIdOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  for (const field of MESSAGE_ID_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return record.data ? messageIdOf(record.data) : null;
}

/**
 * Shaped like Nepal's HTTP SMS gateways (Sparrow, Aakash...): one form POST to the base URL
 * with token, from (the registered sender id), to (98XXXXXXXX) and text; a 2xx JSON answer
 * carrying the message id. Anything else is a failure whose message is the answer's body.
 */
export function httpSmsProvider(config: RemindersConfig): SmsProvider {
  const { baseUrl, token, sender } = config.sms;
  const timeout = Math.max(1000, Math.floor(config.leaseMs / 3));
  const url = new URL(baseUrl!);
  const client = url.protocol === 'https:' ? https : http;
  // Kept-alive connections, as many as deliveries in flight: no TCP (or TLS) handshake per
  // SMS, and no connection churn on the gateway.
  const agent = new client.Agent({ keepAlive: true, maxSockets: config.concurrency });
  const attempt = (form: string, fresh = false) =>
    new Promise<{ status: number; raw: string }>((resolve, reject) => {
      let answered = false;
      const request = client.request(
        url,
        {
          method: 'POST',
          // The retry below takes a connection of its own: the pool may hold more stale ones.
          agent: fresh ? false : agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(form),
            accept: 'application/json',
          },
          signal: AbortSignal.timeout(timeout),
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, raw: Buffer.concat(chunks).toString() }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(Object.assign(error, { staleSocket: request.reusedSocket && !answered })),
      );
      request.end(form);
    });
  /**
   * A kept-alive connection the gateway closed while idle fails the next request on it before
   * any answer (ECONNRESET, "socket hang up"): it goes once more on a fresh connection (Node's
   * documented `reusedSocket` retry) instead of waiting for a backoff, which at night lands in
   * the quiet hours. No new risk: any provider error was already retried (README, "window").
   */
  const post = async (form: string) => {
    try {
      return await attempt(form);
    } catch (error) {
      const { code, staleSocket } = error as NodeJS.ErrnoException & { staleSocket?: boolean };
      if (staleSocket && code === 'ECONNRESET') return attempt(form, true);
      throw error;
    }
  };
  return {
    name: 'http',
    async send({ to, text }) {
      const { status, raw } = await post(
        new URLSearchParams({ token: token!, from: sender, to, text }).toString(),
      );
      if (status < 200 || status >= 300) {
        throw new SmsProviderError(`SMS gateway answered ${status}: ${raw.slice(0, 500)}`, status);
      }
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // Some gateways answer plain text; the id is then unknown but the message accepted.
      }
      return { messageId: messageIdOf(body) ?? `http:${randomUUID()}` };
    },
    close() {
      agent.destroy();
    },
  };
}

/** Development: each SMS is a JSON line in <outbox>/sms.jsonl, sent nowhere. */
export function outboxSmsProvider(config: RemindersConfig, appRoot: string): SmsProvider {
  const dir = path.resolve(appRoot, config.sms.outboxDir);
  return {
    name: 'outbox',
    async send({ to, text, reference }) {
      const messageId = `outbox:${randomUUID()}`;
      await mkdir(dir, { recursive: true });
      const line = {
        at: new Date().toISOString(),
        from: config.sms.sender,
        to,
        text,
        reference,
        messageId,
      };
      await appendFile(path.join(dir, 'sms.jsonl'), `${JSON.stringify(line)}\n`);
      return { messageId };
    },
  };
}

export function createSmsProvider(config: RemindersConfig, appRoot: string): SmsProvider {
  return config.sms.provider === 'http'
    ? httpSmsProvider(config)
    : outboxSmsProvider(config, appRoot);
}
