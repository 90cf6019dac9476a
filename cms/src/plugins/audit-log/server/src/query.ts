import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { entryTable, type StoredEntry } from './table';

export interface EntryFilters {
  actor?: string;
  action?: string;
  contentType?: string;
  from?: Date;
  to?: Date;
}

/** Parses the admin page's query string; a bad value is a 400 naming the parameter. */
export function parseFilters(query: Record<string, unknown>): EntryFilters {
  const text = (name: string) => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > 255) {
      throw new errors.ValidationError(`${name} must be text of at most 255 characters`, {
        errors: [{ path: [name], message: 'must be text of at most 255 characters' }],
      });
    }
    return value.trim();
  };
  const date = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) {
      throw new errors.ValidationError(`${name} must be a date (YYYY-MM-DD or ISO 8601)`, {
        errors: [{ path: [name], message: 'must be a date (YYYY-MM-DD or ISO 8601)' }],
      });
    }
    return parsed;
  };
  let to = date('to');
  // A bare day means "through the end of that day".
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(String(query.to))) to = new Date(to.getTime() + 86_399_999);
  return {
    actor: text('actor'),
    action: text('action'),
    contentType: text('contentType'),
    from: date('from'),
    to,
  };
}

export function createEntryQuery(strapi: Core.Strapi) {
  const filtered = (filters: EntryFilters) => {
    const table = entryTable(strapi);
    const c = table.columns;
    const query = strapi.db.connection(table.name) as Knex.QueryBuilder;
    if (filters.actor) {
      const actor = filters.actor;
      query.where((inner) =>
        inner
          .where(c.actorId, actor)
          .orWhereRaw(`LOWER(??) LIKE ?`, [
            c.actorName,
            `%${actor.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`,
          ]),
      );
    }
    if (filters.action) query.where(c.action, filters.action);
    if (filters.contentType) query.where(c.contentType, filters.contentType);
    if (filters.from) query.where(c.createdAt, '>=', filters.from);
    if (filters.to) query.where(c.createdAt, '<=', filters.to);
    return { table, query };
  };

  return {
    async list(filters: EntryFilters, page = 1, pageSize = 25) {
      const { table, query } = filtered(filters);
      const [{ total }] = await query.clone().count({ total: '*' });
      const rows = await query
        .select('*')
        .orderBy(table.columns.id, 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return {
        results: rows.map((row: Record<string, unknown>) => table.fromRow(row)),
        pagination: {
          page,
          pageSize,
          total: Number(total),
          pageCount: Math.ceil(Number(total) / pageSize),
        },
      };
    },
    async findOne(id: number): Promise<StoredEntry | null> {
      const table = entryTable(strapi);
      const row = await strapi.db.connection(table.name).where(table.columns.id, id).first();
      return row ? table.fromRow(row) : null;
    },
    /** Every matching row, newest first, in pages (an export never holds the table in memory). */
    async *each(filters: EntryFilters, batch = 1000): AsyncGenerator<StoredEntry> {
      let before: number | undefined;
      for (;;) {
        const { table, query } = filtered(filters);
        if (before !== undefined) query.where(table.columns.id, '<', before);
        const rows = await query.select('*').orderBy(table.columns.id, 'desc').limit(batch);
        for (const row of rows) yield table.fromRow(row);
        if (rows.length < batch) return;
        before = Number(rows[rows.length - 1].id);
      }
    },
  };
}

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'actorKind',
  'actorId',
  'actorName',
  'action',
  'contentType',
  'targetDocumentId',
  'targetLocale',
  'ip',
  'userAgent',
  'diff',
  'hash',
] as const;

/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ tab or CR defused so a
 * spreadsheet never runs a value an actor typed as a formula.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvHeader = () => `${CSV_COLUMNS.join(',')}\r\n`;
export const csvLine = (entry: StoredEntry) =>
  `${CSV_COLUMNS.map((name) => csvCell((entry as unknown as Record<string, unknown>)[name])).join(',')}\r\n`;
