import type { Core } from '@strapi/strapi';
import { ensureIdempotencyTable } from './idempotency';

/**
 * What Strapi's schemas cannot declare: the keyset of an owner's list, newest date first
 * (owner, service_at, id), and the `Idempotency-Key` table with its (owner, key) uniqueness.
 */
export async function ensureServiceRecordStorage(strapi: Core.Strapi): Promise<void> {
  await strapi.db.connection.raw(
    'CREATE INDEX IF NOT EXISTS service_records_owner_keyset_idx ON service_records (owner_id, service_at, id)',
  );
  await ensureIdempotencyTable(strapi);
}
