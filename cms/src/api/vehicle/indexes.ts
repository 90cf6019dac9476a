import type { Core } from '@strapi/strapi';

/**
 * Indexes Strapi's schemas cannot declare: the keyset of an owner's list (owner, id), a vehicle's photos, and
 * the platform-wide uniqueness of registration numbers, enforced by the database so two
 * owners racing for one number cannot both win. Idempotent; runs at every boot.
 */
export async function ensureVehicleIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  await knex.raw('CREATE INDEX IF NOT EXISTS vehicles_owner_keyset_idx ON vehicles (owner_id, id)');
  await knex.raw(
    'CREATE UNIQUE INDEX IF NOT EXISTS vehicles_registration_key_uq ON vehicles (registration_key)',
  );
  // A vehicle's photos, newest first, for every vehicle answer.
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS vehicle_photos_vehicle_idx ON vehicle_photos (vehicle, position)',
  );
}
