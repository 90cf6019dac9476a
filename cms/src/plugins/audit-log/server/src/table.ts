import type { Core } from '@strapi/strapi';
import { ENTRY_UID } from './constants';
import { isoTime, type EntryFields } from './chain';

export interface StoredEntry extends EntryFields {
  id: number;
  hash: string;
  prevHash: string;
}

const FIELDS = [
  'actorKind',
  'actorId',
  'actorName',
  'action',
  'contentType',
  'targetDocumentId',
  'targetLocale',
  'diff',
  'ip',
  'userAgent',
  'createdAt',
  'hash',
  'prevHash',
] as const;

/**
 * The entry table through knex, column names from Strapi's metadata. Writes bypass the query
 * engine on purpose: its lifecycles refuse every change to this table (append-only).
 */
export function entryTable(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(ENTRY_UID);
  const column = (name: string) =>
    (meta.attributes[name] as { columnName?: string } | undefined)?.columnName ?? name;
  const columns = Object.fromEntries(FIELDS.map((name) => [name, column(name)])) as Record<
    (typeof FIELDS)[number] | 'id' | 'documentId' | 'updatedAt',
    string
  >;
  columns.id = 'id';
  columns.documentId = column('documentId');
  columns.updatedAt = column('updatedAt');
  const isPostgres = strapi.db.dialect.client === 'postgres';

  const parseDiff = (value: unknown) =>
    typeof value === 'string'
      ? (JSON.parse(value) as Record<string, unknown>)
      : (value as Record<string, unknown> | null);

  return {
    name: meta.tableName,
    columns,
    isPostgres,
    toRow(fields: EntryFields, prevHash: string, hash: string, documentId: string) {
      const row: Record<string, unknown> = {};
      const values: Record<string, unknown> = { ...fields, prevHash, hash };
      for (const name of FIELDS) row[columns[name]] = values[name];
      row[columns.diff] = fields.diff === null ? null : JSON.stringify(fields.diff);
      row[columns.createdAt] = new Date(fields.createdAt);
      row[columns.updatedAt] = new Date(fields.createdAt);
      row[columns.documentId] = documentId;
      return row;
    },
    fromRow(row: Record<string, unknown>): StoredEntry {
      const entry: Record<string, unknown> = { id: Number(row.id) };
      for (const name of FIELDS) entry[name] = row[columns[name]] ?? null;
      entry.createdAt = isoTime(entry.createdAt);
      entry.diff = entry.diff === null ? null : parseDiff(entry.diff);
      return entry as unknown as StoredEntry;
    },
  };
}

export type EntryTable = ReturnType<typeof entryTable>;
