import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { REMINDER_UID } from '../../reminder/reminder-rows';
import { RECALL_STATUS_UID } from '../../news/news-uids';
import { VEHICLE_UID } from '../../vehicle/owned-vehicles';

export const ODOMETER_READING_UID = 'api::vehicle.odometer-reading';

interface Metadata {
  tableName: string;
  attributes: Record<
    string,
    {
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    }
  >;
}

/**
 * Where an owner's rows that the garage overview is computed from live: their vehicles,
 * reminders and recall statuses (an owner column each), and the odometer readings of their
 * vehicles (reminder projections read them), reached through the readings' link table.
 */
function ownerTables(strapi: Core.Strapi) {
  const meta = (uid: string) => strapi.db.metadata.get(uid) as unknown as Metadata;
  const owned = (uid: string) => ({
    table: meta(uid).tableName,
    owner: meta(uid).attributes.ownerId?.columnName ?? 'owner_id',
  });
  const link = meta(ODOMETER_READING_UID).attributes.vehicle?.joinTable;
  if (!link) throw new Error(`${ODOMETER_READING_UID}.vehicle has no join table`);
  return {
    owned: [owned(VEHICLE_UID), owned(REMINDER_UID), owned(RECALL_STATUS_UID)],
    readings: {
      table: meta(ODOMETER_READING_UID).tableName,
      link: link.name,
      linkReading: link.joinColumn.name,
      linkVehicle: link.inverseJoinColumn.name,
      vehicles: owned(VEHICLE_UID),
    },
  };
}

/** The owner's rows, whole, each source ordered by id (for the embedded SQLite). */
function ownerRowSources(strapi: Core.Strapi, ownerId: number): Knex.QueryBuilder[] {
  const knex = strapi.db.connection;
  const { owned, readings } = ownerTables(strapi);
  return [
    ...owned.map(({ table, owner }) => knex(table).select('*').where(owner, ownerId).orderBy('id')),
    knex(`${readings.table} as r`)
      .select('r.*')
      .join(`${readings.link} as l`, `l.${readings.linkReading}`, 'r.id')
      .join(`${readings.vehicles.table} as v`, 'v.id', `l.${readings.linkVehicle}`)
      .where(`v.${readings.vehicles.owner}`, ownerId)
      .orderBy('r.id'),
  ];
}

/**
 * The statement that digests an owner's rows on PostgreSQL: each row's id and `xmin` (the
 * transaction that wrote this version of it), not its content. Any write of a row, of any
 * column, gives it a new xmin; a deleted row leaves the list; a rolled-back write is never
 * seen. Named, so each connection prepares it once: planning it took longer than running it.
 */
function postgresStatement(strapi: Core.Strapi): { name: string; text: string } {
  const { owned, readings } = ownerTables(strapi);
  const id = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const text = `select coalesce(md5(string_agg(k, ',' order by k)), '') as digest from (${[
    ...owned.map(
      ({ table, owner }, index) =>
        `select '${index}.' || id || '.' || xmin as k from ${id(table)} where ${id(owner)} = $1`,
    ),
    `select 'r.' || r.id || '.' || r.xmin || '.' || l.xmin as k from ${id(readings.table)} r ` +
      `join ${id(readings.link)} l on l.${id(readings.linkReading)} = r.id ` +
      `join ${id(readings.vehicles.table)} v on v.id = l.${id(readings.linkVehicle)} ` +
      `where v.${id(readings.vehicles.owner)} = $1`,
  ].join(' union all ')}) rows`;
  return {
    name: `mg_garage_rows_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`,
    text,
  };
}

type PgConnection = {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{
    rows: Array<{ digest: string }>;
  }>;
};
type PoolClient = {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
};

const statements = new WeakMap<Core.Strapi, { name: string; text: string }>();

/**
 * One digest of an owner's rows (see ownerTables). On PostgreSQL the database computes it
 * from row versions (see postgresStatement); on the embedded SQLite the rows are read whole
 * and hashed here.
 */
export async function ownerRowsDigest(strapi: Core.Strapi, ownerId: number): Promise<string> {
  if (strapi.db.dialect.client === 'postgres') {
    let statement = statements.get(strapi);
    if (!statement) statements.set(strapi, (statement = postgresStatement(strapi)));
    // Straight on a pooled connection: knex does not name (prepare) statements.
    const pool = strapi.db.connection.client as unknown as PoolClient;
    const connection = await pool.acquireConnection();
    try {
      const { rows } = await connection.query({ ...statement, values: [ownerId] });
      return rows[0].digest;
    } finally {
      await pool.releaseConnection(connection);
    }
  }
  const hash = createHash('sha256');
  for (const source of ownerRowSources(strapi, ownerId)) {
    hash.update(JSON.stringify(await source)).update('\n');
  }
  return hash.digest('base64url');
}
