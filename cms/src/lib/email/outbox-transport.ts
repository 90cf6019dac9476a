import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface BuildableMail {
  message: { build(callback: (error: Error | null, raw: Buffer) => void): void };
}

type SendCallback = (error: Error | null, info?: { messageId: string; path: string }) => void;

/**
 * A nodemailer transport that writes each message as an `.eml` file into `directory`:
 * the embedded default's mail, readable in any mail client, never sent anywhere.
 */
export function createOutboxTransport(directory: string) {
  return {
    name: 'motorghar-outbox',
    version: '1.0.0',
    send(mail: BuildableMail, callback: SendCallback) {
      mail.message.build((error, raw) => {
        if (error) return callback(error);
        try {
          mkdirSync(directory, { recursive: true });
          const messageId = randomUUID();
          const file = path.join(
            directory,
            `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId}.eml`,
          );
          writeFileSync(file, raw);
          callback(null, { messageId, path: file });
        } catch (writeError) {
          callback(writeError as Error);
        }
      });
    },
  };
}
