import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
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
  return {
    name: 'http',
    async send({ to, text }) {
      const response = await fetch(baseUrl!, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token: token!, from: sender, to, text }).toString(),
        signal: AbortSignal.timeout(timeout),
      });
      const raw = await response.text();
      if (!response.ok) {
        throw new SmsProviderError(
          `SMS gateway answered ${response.status}: ${raw.slice(0, 500)}`,
          response.status,
        );
      }
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // Some gateways answer plain text; the id is then unknown but the message accepted.
      }
      return { messageId: messageIdOf(body) ?? `http:${randomUUID()}` };
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
