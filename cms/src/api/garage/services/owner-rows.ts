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
 * The rows of an owner that the garage overview is computed from, each source a whole-row
 * select ordered by id: their vehicles, reminders and recall statuses, and the odometer
 * readings of their vehicles (reminder projections read them). Whole rows, not timestamps:
 * a write that does not touch `updated_at` still changes the digest.
 */
export function ownerRowSources(strapi: Core.Strapi, ownerId: number): Knex.QueryBuilder[] {
  const knex = strapi.db.connection;
  const meta = (uid: string) => strapi.db.metadata.get(uid) as unknown as Metadata;
  const ownerColumn = (uid: string) => meta(uid).attributes.ownerId?.columnName ?? 'owner_id';
  const owned = (uid: string) =>
    knex(meta(uid).tableName).select('*').where(ownerColumn(uid), ownerId).orderBy('id');
  const readings = meta(ODOMETER_READING_UID);
  const link = readings.attributes.vehicle?.joinTable;
  if (!link) throw new Error(`${ODOMETER_READING_UID}.vehicle has no join table`);
  const vehicles = meta(VEHICLE_UID);
  return [
    owned(VEHICLE_UID),
    owned(REMINDER_UID),
    owned(RECALL_STATUS_UID),
    knex(`${readings.tableName} as r`)
      .select('r.*')
      .join(`${link.name} as l`, `l.${link.joinColumn.name}`, 'r.id')
      .join(`${vehicles.tableName} as v`, 'v.id', `l.${link.inverseJoinColumn.name}`)
      .where(`v.${ownerColumn(VEHICLE_UID)}`, ownerId)
      .orderBy('r.id'),
  ];
}

/**
 * One digest of an owner's rows (see ownerRowSources). On PostgreSQL the database hashes
 * them and one short string comes back; elsewhere (the embedded SQLite) the rows are read
 * and hashed here.
 */
export async function ownerRowsDigest(strapi: Core.Strapi, ownerId: number): Promise<string> {
  const knex = strapi.db.connection;
  const sources = ownerRowSources(strapi, ownerId);
  if (strapi.db.dialect.client === 'postgres') {
    const columns = sources.map(
      (_source, index) =>
        `(select coalesce(md5(string_agg(t::text, '|' order by t.id)), '') from (?) t) as d${index}`,
    );
    const result = (await knex.raw(`select ${columns.join(', ')}`, sources)) as {
      rows: Array<Record<string, string>>;
    };
    return sources.map((_source, index) => result.rows[0][`d${index}`]).join('.');
  }
  const hash = createHash('sha256');
  for (const source of sources) hash.update(JSON.stringify(await source)).update('\n');
  return hash.digest('base64url');
}
