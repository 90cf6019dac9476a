import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const SERVICE_CENTER_UID = 'api::service-center.service-center';

/**
 * What the finder reads: one row per published center and configured locale (the locale's
 * own published text, else the default locale's), with the search keys in columns and the
 * answer in `data`. Maintained by the Document Service middleware of document-hooks.ts on
 * every write of a center, and rebuilt at boot when it no longer matches the published rows.
 * The source of truth of the finder, which each instance holds in memory (finder-index.ts).
 */
export const SEARCH_TABLE = 'service_center_search';
/**
 * How many times the search table has changed: one row (id 1) whose `version` every write
 * of the table raises in the same transaction. Each CMS instance holds the finder in memory
 * (services/search.ts) and reloads what changed when this moves.
 */
export const SEARCH_VERSION_TABLE = 'service_center_search_version';
/** Which documents each version changed (`document_id` null: all of them, a rebuild). */
export const SEARCH_CHANGES_TABLE = 'service_center_search_changes';
/** Versions kept in the changes table; an instance further behind reloads everything. */
export const SEARCH_CHANGES_KEPT = 1000;
/** Centers an owner saved: one row per owner and center. */
export const SAVES_TABLE = 'service_center_saves';

/**
 * What earlier versions kept for the finder's SQL queries, which the finder in memory
 * replaced: the weekly hours table and the covering indexes (they only cost writes now).
 */
async function dropFinderSqlLeftovers(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const index of [
    'service_center_search_near_idx',
    'service_center_search_by_name_idx',
    'service_center_search_district_idx',
    'service_center_search_box_idx',
    'service_center_search_name_idx',
  ]) {
    await knex.raw(`DROP INDEX IF EXISTS ${index}`);
  }
  await knex.schema.dropTableIfExists('service_center_hours');
}

const changeListeners = new WeakMap<Core.Strapi, Set<() => void>>();

/** Calls `listener` after each committed change of the search table in this process. */
export function onSearchChange(strapi: Core.Strapi, listener: () => void): void {
  const listeners = changeListeners.get(strapi) ?? new Set();
  listeners.add(listener);
  changeListeners.set(strapi, listeners);
}

/**
 * Raises the search table's version and records which documents changed (null: all), in
 * the transaction that writes them. The version row stays locked until that transaction
 * commits, so versions become visible in order: no instance can see one before an earlier
 * one. This process's listeners hear of it once it commits (the outermost transaction, when
 * the write runs inside another, as the Document Service's do).
 */
export async function recordSearchChange(
  strapi: Core.Strapi,
  { trx, onCommit }: { trx: Knex.Transaction; onCommit: (callback: () => void) => void },
  documentIds: readonly string[] | null,
): Promise<number> {
  await trx(SEARCH_VERSION_TABLE).where('id', 1).increment('version', 1);
  const row = (await trx(SEARCH_VERSION_TABLE).where('id', 1).first('version')) as {
    version: number | string;
  };
  const version = Number(row.version);
  const changes = (documentIds ?? [null]).map((documentId) => ({
    version,
    document_id: documentId,
  }));
  for (let start = 0; start < changes.length; start += 500) {
    await trx(SEARCH_CHANGES_TABLE).insert(changes.slice(start, start + 500));
  }
  await trx(SEARCH_CHANGES_TABLE)
    .where('version', '<=', version - SEARCH_CHANGES_KEPT)
    .delete();
  onCommit(() => {
    for (const listener of changeListeners.get(strapi) ?? []) listener();
  });
  return version;
}

/** Creates the finder's tables and indexes when they are missing (every boot; idempotent). */
export async function ensureServiceCenterStorage(strapi: Core.Strapi): Promise<void> {
  // A fresh schema builder each time: one builder replays every statement queued on it.
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(SEARCH_TABLE))) {
    await schema().createTable(SEARCH_TABLE, (table) => {
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('slug', 255).notNullable();
      table.double('lat');
      table.double('lng');
      table.string('district', 40).notNullable();
      table.string('sort_name', 255).notNullable();
      // `,code,code,` and `,makeId,makeId,`: a filter is one LIKE '%,x,%'.
      table.text('services').notNullable();
      table.text('makes').notNullable();
      table.boolean('has_hours').notNullable();
      table.text('data').notNullable();
      table.primary(['document_id', 'locale']);
      table.index(['slug'], 'service_center_search_slug_idx');
    });
  }
  if (!(await schema().hasTable(SEARCH_VERSION_TABLE))) {
    await schema().createTable(SEARCH_VERSION_TABLE, (table) => {
      table.integer('id').primary();
      table.bigInteger('version').notNullable();
    });
  }
  // Two instances booting at once both try: one row either way.
  await strapi.db
    .connection(SEARCH_VERSION_TABLE)
    .insert({ id: 1, version: 0 })
    .onConflict('id')
    .ignore();
  if (!(await schema().hasTable(SEARCH_CHANGES_TABLE))) {
    await schema().createTable(SEARCH_CHANGES_TABLE, (table) => {
      table.bigInteger('version').notNullable();
      table.string('document_id', 64);
      table.index(['version'], 'service_center_search_changes_version_idx');
    });
  }
  await dropFinderSqlLeftovers(strapi);
  if (!(await schema().hasTable(SAVES_TABLE))) {
    await schema().createTable(SAVES_TABLE, (table) => {
      table.increments('id').primary();
      table.integer('owner_id').notNullable();
      table.string('document_id', 64).notNullable();
      // Milliseconds since the epoch: the same keyset on PostgreSQL and SQLite.
      table.bigInteger('saved_at').notNullable();
      table.unique(['owner_id', 'document_id'], {
        indexName: 'service_center_saves_owner_center_uq',
      });
      table.index(['owner_id', 'saved_at', 'id'], 'service_center_saves_keyset_idx');
      table.index(['document_id'], 'service_center_saves_center_idx');
    });
  }
}
