import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidField } from '../../lib/errors';

/** Where a page by distance ends: the distance (km, unrounded), then the document id. */
export interface DistancePosition {
  d: number;
  id: string;
}
/** Where a page by name ends: the folded sort name, then the document id. */
export interface NamePosition {
  n: string;
  id: string;
}
/** Where a page of saved centers ends: when saved (ms), then the save's row. */
export interface SavedPosition {
  at: number;
  seq: number;
}

/**
 * Keyset cursors of the center lists. Signed as lib/pagination's cursors are, so a client
 * can neither forge nor edit one; a cursor of another order is refused as well.
 */
export function createCenterCursorCodec(secret: string) {
  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
  const invalid = () => new InvalidField('cursor', 'is not a valid cursor');

  function read(cursor: string): Record<string, unknown> {
    const [payload, signature, extra] = cursor.split('.');
    const expected = payload ? sign(payload) : '';
    const valid =
      extra === undefined &&
      signature !== undefined &&
      signature.length === expected.length &&
      timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    if (!valid || !payload) throw invalid();
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  }

  return {
    encode(position: DistancePosition | NamePosition | SavedPosition): string {
      const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    distance(cursor: string): DistancePosition {
      const { d, id } = read(cursor);
      if (typeof d !== 'number' || !Number.isFinite(d) || typeof id !== 'string') throw invalid();
      return { d, id };
    },
    name(cursor: string): NamePosition {
      const { n, id } = read(cursor);
      if (typeof n !== 'string' || typeof id !== 'string') throw invalid();
      return { n, id };
    },
    saved(cursor: string): SavedPosition {
      const { at, seq } = read(cursor);
      if (!Number.isInteger(at) || !Number.isInteger(seq)) throw invalid();
      return { at: at as number, seq: seq as number };
    },
  };
}
