import type { Core } from '@strapi/strapi';
import { CHANNELS, PLUGIN, STATUSES } from './constants';
import type { DeliveryFilters } from './admin-deliveries';

type Ctx = {
  query: Record<string, unknown>;
  params: Record<string, string>;
  state: { user?: { id?: unknown; email?: string } };
  request: { ip?: string };
  get(name: string): string;
  body: unknown;
  notFound(message: string): void;
  badRequest(message: string, details?: unknown): void;
  conflict(message: string, details?: unknown): void;
};

const invalid = (ctx: Ctx, field: string, message: string) =>
  ctx.badRequest(`${field} ${message}`, { errors: [{ path: [field], message }] });

const positive = (value: unknown, fallback: number, max: number) => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : NaN;
};

/** Admin API of the deliveries page: list and read need `read`; retry needs `retry`. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => strapi.plugin(PLUGIN).service('deliveries');
  return {
    async find(ctx: Ctx) {
      const page = positive(ctx.query.page, 1, 100_000);
      const pageSize = positive(ctx.query.pageSize, 25, 100);
      if (Number.isNaN(page)) return invalid(ctx, 'page', 'must be a whole number from 1');
      if (Number.isNaN(pageSize)) return invalid(ctx, 'pageSize', 'must be a whole number from 1');
      const filters: DeliveryFilters = {};
      const { status, channel } = ctx.query;
      if (status !== undefined && status !== '') {
        if (!(STATUSES as readonly unknown[]).includes(status))
          return invalid(ctx, 'status', `must be one of ${STATUSES.join(', ')}`);
        filters.status = status as DeliveryFilters['status'];
      }
      if (channel !== undefined && channel !== '') {
        if (!(CHANNELS as readonly unknown[]).includes(channel))
          return invalid(ctx, 'channel', `must be one of ${CHANNELS.join(', ')}`);
        filters.channel = channel as DeliveryFilters['channel'];
      }
      ctx.body = await deliveries().list(filters, page, pageSize);
    },

    async findOne(ctx: Ctx) {
      const id = Number(ctx.params.id);
      const delivery = Number.isInteger(id) && id > 0 ? await deliveries().findOne(id) : null;
      if (!delivery) return ctx.notFound('No delivery with this id');
      ctx.body = { data: delivery };
    },

    async retry(ctx: Ctx) {
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id) || id <= 0) return ctx.notFound('No delivery with this id');
      const user = ctx.state.user ?? {};
      const outcome = await deliveries().retry(id, {
        id: user.id === undefined ? null : String(user.id),
        name: user.email ?? null,
        ip: ctx.request.ip ?? null,
        userAgent: ctx.get('user-agent') || null,
      });
      if (!outcome.ok && outcome.reason === 'not-found')
        return ctx.notFound('No delivery with this id');
      if (!outcome.ok) {
        return ctx.conflict(
          `Only a failed or unknown delivery can be retried; this one is ${outcome.status}`,
          {
            errors: [{ path: ['status'], message: `is ${outcome.status}` }],
          },
        );
      }
      ctx.body = { data: outcome.delivery };
    },
  };
};
