import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { InvalidField, Unprocessable } from '../../lib/errors';

/** Where `Idempotency-Key`s live: one row per (owner, key), the database's own uniqueness. */
export const IDEMPOTENCY_TABLE = 'service_record_idempotency_keys';

/** How long a key answers with its first result; after that it is free again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** 1 to 200 visible ASCII characters, as the header's value. */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The header's value, or undefined when absent; anything else than a valid key is a 400. */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new InvalidField('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  }
  return value;
}

/** The same request body, whatever the order of its keys. */
export function fingerprint(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/** Creates the keys table when it is missing (SQLite and PostgreSQL alike). Idempotent. */
export async function ensureIdempotencyTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(IDEMPOTENCY_TABLE)) return;
  await knex.schema.createTable(IDEMPOTENCY_TABLE, (table) => {
    table.increments('id');
    table.integer('owner_id').notNullable();
    table.string('idempotency_key', 200).notNullable();
    table.string('body_hash', 64).notNullable();
    table.string('record_document_id', 40);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['owner_id', 'idempotency_key'], {
      indexName: 'service_record_idem_owner_key_uq',
    });
    table.index(['created_at'], 'service_record_idem_created_idx');
  });
}

export interface KeyClaim {
  ownerId: number;
  key: string;
  bodyHash: string;
}

/**
 * The record a key already stands for, or null when the key is free and now claimed (tie it
 * to the new record with `settleKey` in the same transaction). Claims the key in `trx`: with a concurrent request holding the same key, PostgreSQL makes this insert
 * wait until that transaction ends, then skip (`ON CONFLICT DO NOTHING`), so exactly one
 * request creates the record and the other reads what it made. Expired keys go first.
 */
export async function claimKey(
  trx: Knex.Transaction,
  claim: KeyClaim,
  now = new Date(),
): Promise<{ existing: string | null }> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  await trx(IDEMPOTENCY_TABLE).where('created_at', '<', expired).delete();
  const inserted = await trx(IDEMPOTENCY_TABLE)
    .insert({
      owner_id: claim.ownerId,
      idempotency_key: claim.key,
      body_hash: claim.bodyHash,
      created_at: now,
    })
    .onConflict(['owner_id', 'idempotency_key'])
    .ignore()
    .returning('id');
  if (inserted.length > 0) return { existing: null };
  const row = (await trx(IDEMPOTENCY_TABLE)
    .where({ owner_id: claim.ownerId, idempotency_key: claim.key })
    .first('body_hash', 'record_document_id')) as
    | { body_hash: string; record_document_id: string | null }
    | undefined;
  // Committed rows always carry their record (see `settleKey`); a missing one is a bug.
  if (!row?.record_document_id) throw new Error('an idempotency key without its record');
  if (row.body_hash !== claim.bodyHash) {
    throw new Unprocessable(
      'Idempotency-Key',
      'was already used with another request body; send a new key for a new request',
    );
  }
  return { existing: row.record_document_id };
}

/** Ties a key claimed in `trx` to the record made for it, before the transaction commits. */
export async function settleKey(
  trx: Knex.Transaction,
  claim: KeyClaim,
  recordDocumentId: string,
): Promise<void> {
  await trx(IDEMPOTENCY_TABLE)
    .where({ owner_id: claim.ownerId, idempotency_key: claim.key })
    .update({ record_document_id: recordDocumentId });
}
