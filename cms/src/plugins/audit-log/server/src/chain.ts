import { createHash } from 'node:crypto';

/** The hash the first row of a chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

export type ActorKind = 'admin' | 'owner' | 'system';

export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
}

export type FieldChange = { before?: unknown; after?: unknown };

/** One audit row as it is hashed: everything but its own hash and database bookkeeping. */
export interface EntryFields {
  actorKind: ActorKind;
  actorId: string | null;
  actorName: string | null;
  action: string;
  contentType: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  diff: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
}

/**
 * JSON with object keys sorted at every depth, so the same row hashes the same however the
 * database (jsonb reorders keys) or the driver hands it back.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Timestamps as PostgreSQL and SQLite return them (Date, ISO text, epoch ms) → one ISO form. */
export function isoTime(value: unknown): string {
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${String(value)}`);
  return date.toISOString();
}

export function entryHash(fields: EntryFields, prevHash: string): string {
  const canonical = canonicalJson({ ...fields, createdAt: isoTime(fields.createdAt) });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
