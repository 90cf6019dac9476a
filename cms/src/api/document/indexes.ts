import type { Core } from '@strapi/strapi';

/**
 * The keyset of an owner's document list (owner, id), which Strapi's schemas cannot declare.
 * Idempotent; runs at every boot.
 */
export async function ensureDocumentIndexes(strapi: Core.Strapi): Promise<void> {
  await strapi.db.connection.raw(
    'CREATE INDEX IF NOT EXISTS documents_owner_keyset_idx ON documents (owner_id, id)',
  );
}
