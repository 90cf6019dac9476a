import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidField } from '../../lib/errors';

/** Where a page of service records ends: the last row's date and id (the order's keys). */
export interface RecordPosition {
  at: number;
  id: number;
}

/**
 * Keyset cursors for lists ordered by date, then id, newest first. Signed as lib/pagination's
 * are, so a client can neither forge nor edit one; those carry an id only, these a date too.
 */
export function createRecordCursorCodec(secret: string) {
  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
  const invalid = () => new InvalidField('cursor', 'is not a valid cursor');

  return {
    encode(position: RecordPosition): string {
      const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor: string): RecordPosition {
      const [payload, signature, extra] = cursor.split('.');
      const expected = payload ? sign(payload) : '';
      const valid =
        extra === undefined &&
        signature !== undefined &&
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      if (!valid || !payload) throw invalid();
      const parsed = JSON.parse(
        Buffer.from(payload, 'base64url').toString('utf8'),
      ) as Partial<RecordPosition>;
      if (!Number.isInteger(parsed.at) || !Number.isInteger(parsed.id)) throw invalid();
      return { at: parsed.at as number, id: parsed.id as number };
    },
  };
}
