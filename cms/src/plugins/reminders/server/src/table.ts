import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SCHEMA_LOCK, TABLE } from './constants';
import type { Delivery } from './types';

/**
 * The outbox is the plugin's own table, made here with knex rather than as a content type:
 * every hot path is SQL (conditional claims, ON CONFLICT, SKIP LOCKED), the UNIQUE
 * delivery_key is a real database constraint, and no write goes through the Document
 * Service or the query engine, so the audit log records none of them (only an admin's
 * retry, written to it on purpose). Strapi's schema sync leaves tables it did not create
 * alone.
 */
export async function ensureTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const create = async (db: Knex | Knex.Transaction) => {
    if (await db.schema.hasTable(TABLE)) {
      // Outboxes made before owners had their own quiet hours get the column.
      if (!(await db.schema.hasColumn(TABLE, 'quiet_hours'))) {
        await db.schema.alterTable(TABLE, (table) => table.string('quiet_hours', 11));
      }
      return;
    }
    await db.schema.createTable(TABLE, (table) => {
      table.bigIncrements('id').primary();
      table.string('delivery_key', 300).notNullable().unique();
      table.string('notice_key', 280).notNullable();
      table.string('source', 80).notNullable();
      table.integer('owner_id').notNullable();
      table.string('channel', 8).notNullable();
      table.string('recipient', 255).notNullable();
      table.string('locale', 5).notNullable();
      table.text('subject');
      table.text('body').notNullable();
      table.text('html');
      table.string('status', 10).notNullable().defaultTo('pending');
      table.integer('attempts').notNullable().defaultTo(0);
      table.timestamp('next_attempt_at', { useTz: true }).notNullable();
      table.timestamp('lease_until', { useTz: true });
      table.timestamp('send_started_at', { useTz: true });
      table.string('provider_message_id', 255);
      table.text('last_error');
      table.integer('segments');
      table.string('quiet_hours', 11);
      table.timestamp('due_at', { useTz: true }).notNullable();
      table.timestamp('sent_at', { useTz: true });
      table.timestamp('created_at', { useTz: true }).notNullable();
      table.timestamp('updated_at', { useTz: true }).notNullable();
      table.index(['owner_id'], `${TABLE}_owner_idx`);
      // SQLite: the claim's index. PostgreSQL gets partial ones instead (postgresTuning).
      if (strapi.db.dialect.client !== 'postgres') {
        table.index(['status', 'next_attempt_at'], `${TABLE}_status_next_idx`);
      }
    });
  };
  if (strapi.db.dialect.client !== 'postgres') return create(knex);
  // Instances booting together: one creates, the others wait and find the table.
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [SCHEMA_LOCK]);
    await create(trx);
    await postgresTuning(trx);
  });
}

/**
 * PostgreSQL: every delivery is inserted, then updated three times (claimed, started, sent),
 * and only the few rows not finished are ever looked for by status.
 * - Partial indexes hold just those: the pending rows in claim order, the ones being sent
 *   by lease (recovery), the failed and unknown (the admin list). A row that is sent leaves
 *   them, instead of adding an entry for every status it passes through to one index of all.
 * - toast_tuple_target = 128 keeps the rendered text (body, html: kilobytes each) out of
 *   line, so each update copies a row of a few hundred bytes, not the message; fillfactor 80
 *   leaves room on the page for the updates that change no indexed column (HOT).
 * Outboxes made before get the same at boot: the old index dropped, the options set once.
 */
async function postgresTuning(trx: Knex.Transaction): Promise<void> {
  await trx.raw(
    `CREATE INDEX IF NOT EXISTS ${TABLE}_pending_idx ON ${TABLE} (next_attempt_at, id) WHERE status = 'pending'`,
  );
  await trx.raw(
    `CREATE INDEX IF NOT EXISTS ${TABLE}_sending_idx ON ${TABLE} (lease_until) WHERE status = 'sending'`,
  );
  await trx.raw(
    `CREATE INDEX IF NOT EXISTS ${TABLE}_stuck_idx ON ${TABLE} (id) WHERE status IN ('failed', 'unknown')`,
  );
  await trx.raw(`DROP INDEX IF EXISTS ${TABLE}_status_next_idx`);
  const { rows } = await trx.raw(`SELECT reloptions FROM pg_class WHERE oid = to_regclass(?)`, [
    TABLE,
  ]);
  const options: string[] = rows[0]?.reloptions ?? [];
  if (!options.includes('toast_tuple_target=128')) {
    await trx.raw(`ALTER TABLE ${TABLE} SET (fillfactor = 80, toast_tuple_target = 128)`);
  }
}

const iso = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value as string | number).toISOString();

/** A row as the API and the dispatcher see it. */
export function fromRow(row: Record<string, unknown>): Delivery {
  return {
    id: Number(row.id),
    deliveryKey: row.delivery_key as string,
    noticeKey: row.notice_key as string,
    source: row.source as string,
    ownerId: Number(row.owner_id),
    channel: row.channel as Delivery['channel'],
    recipient: row.recipient as string,
    locale: row.locale as string,
    subject: (row.subject as string | null) ?? null,
    body: row.body as string,
    html: (row.html as string | null) ?? null,
    status: row.status as Delivery['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: iso(row.next_attempt_at)!,
    leaseUntil: iso(row.lease_until),
    sendStartedAt: iso(row.send_started_at),
    providerMessageId: (row.provider_message_id as string | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    segments: row.segments === null || row.segments === undefined ? null : Number(row.segments),
    quietHours: (row.quiet_hours as string | null | undefined) ?? null,
    dueAt: iso(row.due_at)!,
    sentAt: iso(row.sent_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}
