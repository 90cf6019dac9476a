import type { Core } from '@strapi/strapi';

/**
 * Indexes Strapi's schemas cannot declare. The engine's `due()` reads the occurrences not yet
 * handed over through two partial indexes, which hold only those (not the thousands already
 * sent): by notification time, and by vehicle for km reminders. Owners' lists and the
 * domain events read by owner. Idempotent; runs at every boot.
 */
export async function ensureReminderIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const pending = "notified_occurrence < occurrence AND status IN ('active', 'snoozed')";
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS reminders_owner_idx ON reminders (owner_id, vehicle_id)',
  );
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS reminders_pending_date_idx ON reminders (notify_at, id) WHERE ${pending}`,
  );
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS reminders_pending_km_idx ON reminders (vehicle_id, notify_km) WHERE notify_km IS NOT NULL AND ${pending}`,
  );
}
