import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { RemindersConfig } from '../config';
import type { Delivery } from '../types';

export interface ChannelResult {
  messageId: string;
}

export interface EmailChannel {
  send(delivery: Delivery): Promise<ChannelResult>;
  close(): void;
}

/**
 * Email through nodemailer: a pooled SMTP transport (connections reused across deliveries)
 * when SMTP is configured, else `.eml` files in the outbox folder (the embedded default).
 * Timeouts stay well under the lease so a hung server never outlives a claim.
 */
export function createEmailChannel(config: RemindersConfig, appRoot: string): EmailChannel {
  const { smtp, from } = config.email;
  const timeout = Math.max(1000, Math.floor(config.leaseMs / 3));
  let transport: Transporter | null = null;
  const smtpTransport = () => {
    transport ??= nodemailer.createTransport({
      pool: true,
      maxConnections: Math.min(config.concurrency, 50),
      maxMessages: Infinity,
      host: smtp!.host,
      port: smtp!.port,
      secure: smtp!.secure,
      auth: smtp!.user ? { user: smtp!.user, pass: smtp!.password } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return transport;
  };
  const outboxDir = path.resolve(appRoot, config.email.outboxDir);
  const message = (delivery: Delivery) => ({
    from,
    to: delivery.recipient,
    subject: delivery.subject ?? '',
    text: delivery.body,
    html: delivery.html ?? undefined,
    headers: { 'X-MotorGhar-Delivery': delivery.deliveryKey },
  });

  return {
    async send(delivery) {
      if (smtp) {
        const info = await smtpTransport().sendMail(message(delivery));
        return { messageId: String(info.messageId) };
      }
      const info = await nodemailer
        .createTransport({ streamTransport: true, buffer: true })
        .sendMail(message(delivery));
      const id = randomUUID();
      await mkdir(outboxDir, { recursive: true });
      await writeFile(
        path.join(outboxDir, `reminder-${delivery.id}-${id}.eml`),
        info.message as Buffer,
      );
      return { messageId: String(info.messageId ?? id) };
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}
