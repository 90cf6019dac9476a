import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { toValidationError } from './validation';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` of every owner list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
});

export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  data: T[];
  meta: { pagination: { limit: number; nextCursor: string | null } };
}

const cursorField = (message: string) =>
  toValidationError(new z.ZodError([{ code: z.ZodIssueCode.custom, path: ['cursor'], message }]));

/**
 * Opaque keyset cursors: the last row's id, signed so a client can neither forge nor edit
 * one (a tampered cursor is a 400, not a query on arbitrary ids).
 */
export function createCursorCodec(secret: string) {
  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);

  return {
    encode(afterId: number): string {
      const payload = Buffer.from(JSON.stringify({ after: afterId })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    /** The id to continue after; throws a 400 naming `cursor` when it is not one of ours. */
    decode(cursor: string): number {
      const [payload, signature, extra] = cursor.split('.');
      const expected = payload ? sign(payload) : '';
      const valid =
        extra === undefined &&
        signature !== undefined &&
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      if (!valid) throw cursorField('is not a valid cursor');
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        after?: unknown;
      };
      if (!Number.isInteger(parsed.after)) throw cursorField('is not a valid cursor');
      return parsed.after as number;
    },
  };
}

/**
 * One page from rows fetched newest first with one row more than asked: the extra row only
 * says whether a next page exists.
 */
export function toPage<Row extends { id: number }, T>(
  rows: Row[],
  limit: number,
  encode: (afterId: number) => string,
  map: (row: Row, index: number) => T,
): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    meta: {
      pagination: { limit, nextCursor: rows.length > limit && last ? encode(last.id) : null },
    },
  };
}
