import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** Per owner, the SHA-256 of their feed token: the token itself is never stored. */
export const FEED_TOKEN_TABLE = 'calendar_feed_tokens';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
export const looksLikeToken = (value: string) => TOKEN_PATTERN.test(value);

/** Creates the token table when missing (SQLite and PostgreSQL alike). Idempotent. */
export async function ensureFeedTokenTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(FEED_TOKEN_TABLE)) return;
  await knex.schema.createTable(FEED_TOKEN_TABLE, (table) => {
    table.integer('owner_id').primary();
    table.string('token_hash', 64).notNullable().unique('calendar_feed_tokens_hash_uq');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
}
