import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constants';
import { csvHeader, csvLine, parseFilters } from './query';

type Ctx = {
  query: Record<string, unknown>;
  params: Record<string, string>;
  body: unknown;
  set(name: string, value: string): void;
  notFound(message: string): void;
  badRequest(message: string, details?: unknown): void;
};

const positive = (value: unknown, fallback: number, max: number) => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : NaN;
};

/** Read-only admin API of the audit page; nothing here writes. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => strapi.plugin(PLUGIN).service('log');
  return {
    async find(ctx: Ctx) {
      const page = positive(ctx.query.page, 1, 100_000);
      const pageSize = positive(ctx.query.pageSize, 25, 100);
      if (Number.isNaN(page) || Number.isNaN(pageSize)) {
        return ctx.badRequest('page and pageSize must be whole numbers from 1', {
          errors: [
            {
              path: [Number.isNaN(page) ? 'page' : 'pageSize'],
              message: 'must be a whole number from 1',
            },
          ],
        });
      }
      ctx.body = await log().list(parseFilters(ctx.query), page, pageSize);
    },
    async findOne(ctx: Ctx) {
      const id = Number(ctx.params.id);
      const entry = Number.isInteger(id) && id > 0 ? await log().findOne(id) : null;
      if (!entry) return ctx.notFound('No audit entry with this id');
      ctx.body = { data: entry };
    },
    async exportCsv(ctx: Ctx) {
      const filters = parseFilters(ctx.query);
      const rows = log().each(filters) as AsyncGenerator<never>;
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      );
      // Built in memory (read from the table in pages of 1,000): a streamed body stalls behind
      // the app's response middlewares. Filters keep an export to what the admin asked for.
      const lines = [csvHeader()];
      for await (const entry of rows) lines.push(csvLine(entry));
      ctx.body = lines.join('');
    },
  };
};
