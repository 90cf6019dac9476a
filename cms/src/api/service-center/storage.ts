import type { Core } from '@strapi/strapi';

export const SERVICE_CENTER_UID = 'api::service-center.service-center';

/**
 * What the finder reads: one row per published center and configured locale (the locale's
 * own published text, else the default locale's), with the search keys in columns and the
 * answer in `data`. Maintained by the Document Service middleware of search-sync.ts on every
 * write of a center, and rebuilt at boot when it no longer matches the published rows.
 */
export const SEARCH_TABLE = 'service_center_search';
/** The weekly opening intervals of each published center (minutes since Sunday, Nepal). */
export const HOURS_TABLE = 'service_center_hours';
/** Centers an owner saved: one row per owner and center. */
export const SAVES_TABLE = 'service_center_saves';

/**
 * The finder's read indexes. On PostgreSQL they cover what the page queries filter and
 * order on (services/search.ts), so a page is found without reading table rows: the box
 * (and the filters beside it) for `near=`, the name order, as `COLLATE "C"` orders it (an
 * index in the database's default collation cannot serve that order), with or without a
 * district. `makes` stays out of them: a long list could pass PostgreSQL's limit on an
 * index entry and refuse the write. Earlier boots' plain indexes are replaced.
 */
async function ensureFinderIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client !== 'postgres') {
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS service_center_search_box_idx ON ${SEARCH_TABLE} (locale, lat, lng)`,
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS service_center_search_name_idx ON ${SEARCH_TABLE} (locale, sort_name, document_id)`,
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS service_center_hours_doc_idx ON ${HOURS_TABLE} (document_id, start_min)`,
    );
    return;
  }
  const statements = [
    `CREATE INDEX IF NOT EXISTS service_center_search_near_idx ON ${SEARCH_TABLE}
       (locale, lat, lng) INCLUDE (document_id, district, services, has_hours)`,
    `CREATE INDEX IF NOT EXISTS service_center_search_by_name_idx ON ${SEARCH_TABLE}
       (locale, sort_name COLLATE "C", document_id COLLATE "C") INCLUDE (district, services, has_hours)`,
    `CREATE INDEX IF NOT EXISTS service_center_search_district_idx ON ${SEARCH_TABLE}
       (locale, district, sort_name COLLATE "C", document_id COLLATE "C") INCLUDE (services, has_hours)`,
    `CREATE INDEX IF NOT EXISTS service_center_hours_open_idx ON ${HOURS_TABLE}
       (document_id, start_min) INCLUDE (end_min)`,
    'DROP INDEX IF EXISTS service_center_search_box_idx',
    'DROP INDEX IF EXISTS service_center_search_name_idx',
    'DROP INDEX IF EXISTS service_center_hours_doc_idx',
  ];
  for (const statement of statements) await knex.raw(statement);
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
  if (!(await schema().hasTable(HOURS_TABLE))) {
    await schema().createTable(HOURS_TABLE, (table) => {
      table.string('document_id', 64).notNullable();
      table.integer('start_min').notNullable();
      table.integer('end_min').notNullable();
    });
  }
  await ensureFinderIndexes(strapi);
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
