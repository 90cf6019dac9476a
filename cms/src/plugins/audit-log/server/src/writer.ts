import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CHAIN_LOCK } from './constants';
import { entryHash, GENESIS_HASH, type EntryFields } from './chain';
import { entryTable, type EntryTable } from './table';

export type NewEntry = Omit<EntryFields, 'createdAt'> & { createdAt?: string };

const BATCH = 200;
/**
 * How long a first queued entry waits for others before its batch is written: under load,
 * one transaction (chain lock, last hash, insert) for every few requests, not one each.
 */
const BATCH_WINDOW_MS = 25;

/** Strapi's document ids are 24 lowercase alphanumerics; these rows are never fetched by it. */
const newDocumentId = () =>
  Array.from(randomBytes(24), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');

/**
 * Stamps the time and passes the diff through JSON once, so what is hashed is exactly what the
 * json column stores and hands back (Dates as text, no undefined, no class instances).
 */
function normalise(entry: NewEntry): EntryFields {
  return {
    ...entry,
    diff:
      entry.diff === null ? null : (JSON.parse(JSON.stringify(entry.diff)) as EntryFields['diff']),
    createdAt: entry.createdAt ?? new Date().toISOString(),
  };
}

/**
 * Appends rows to the chain inside `trx`: takes the chain lock (PostgreSQL; SQLite runs one
 * writer anyway), links each row to the newest one, and inserts them in one statement.
 */
export async function appendRows(
  table: EntryTable,
  trx: Knex.Transaction,
  entries: EntryFields[],
): Promise<void> {
  if (entries.length === 0) return;
  if (table.isPostgres) await trx.raw('SELECT pg_advisory_xact_lock(?)', [CHAIN_LOCK]);
  const last = await trx(table.name)
    .select(table.columns.hash)
    .orderBy(table.columns.id, 'desc')
    .first();
  let prev: string = last?.[table.columns.hash] ?? GENESIS_HASH;
  const rows = entries.map((fields) => {
    const hash = entryHash(fields, prev);
    const row = table.toRow(fields, prev, hash, newDocumentId());
    prev = hash;
    return row;
  });
  await trx(table.name).insert(rows);
}

/**
 * The single writer: requests only queue their entry (after their transaction commits, so a
 * rolled-back write leaves no row) and return; the queue is drained in batches, one
 * transaction each, off the request path.
 */
export function createWriter(strapi: Core.Strapi) {
  let table: EntryTable | undefined;
  const queue: EntryFields[] = [];
  let draining: Promise<void> | null = null;

  const knex = () => strapi.db.connection;

  async function drain() {
    table ??= entryTable(strapi);
    while (queue.length > 0) {
      const batch = queue.splice(0, BATCH);
      try {
        await knex().transaction((trx) => appendRows(table!, trx, batch));
      } catch (error) {
        // The rows are lost to the table; the log keeps them (without diffs, which may be big).
        strapi.log.error(
          `[audit-log] could not write ${batch.length} entries: ${(error as Error).message}`,
          { entries: batch.map(({ diff: _diff, ...rest }) => rest) },
        );
      }
    }
  }

  let timer: NodeJS.Timeout | null = null;

  function kick() {
    if (draining) return;
    if (timer) clearTimeout(timer);
    timer = null;
    draining = drain().finally(() => {
      draining = null;
      if (queue.length > 0) later();
    });
  }

  /** Writes the queue once the batch window has passed (unless a write is under way). */
  function later() {
    if (draining || timer) return;
    timer = setTimeout(kick, BATCH_WINDOW_MS);
  }

  function enqueue(entry: EntryFields) {
    queue.push(entry);
    later();
  }

  return {
    /** Queues an entry; inside a database transaction, only once that transaction commits. */
    async record(entry: NewEntry) {
      const stamped = normalise(entry);
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(({ onCommit }) => onCommit(() => enqueue(stamped)));
      } else {
        enqueue(stamped);
      }
    },
    /** Resolves once every queued entry is in the table (tests, shutdown, verify). */
    async flush() {
      while (draining || queue.length > 0) {
        if (!draining) kick();
        await draining;
      }
    },
    /** Writes entries now, inside the caller's transaction (the retention job). */
    appendNow(trx: Knex.Transaction, entries: NewEntry[]) {
      table ??= entryTable(strapi);
      const stamped = entries.map(normalise);
      return appendRows(table, trx, stamped);
    },
  };
}

export type AuditWriter = ReturnType<typeof createWriter>;
