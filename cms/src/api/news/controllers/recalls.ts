import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { parseData } from '../../../lib/validation';
import { recallsMineQuery, recallStatusInput } from '../news-input';
import { getNewsService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** An owner's recalls, and their status per vehicle. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async mine(ctx: Context) {
    const { locale, vehicle } = await parseLocaleQuery(strapi, ctx.query, recallsMineQuery);
    ctx.body = {
      data: await getNewsService(strapi, 'recalls').mine(ownerOf(ctx), locale, vehicle),
    };
  },

  async setStatus(ctx: Context) {
    const { locale } = await parseLocaleQuery(strapi, ctx.query);
    const { status } = parseData(recallStatusInput, (ctx.request as { body?: unknown }).body);
    ctx.body = {
      data: await getNewsService(strapi, 'recalls').setStatus(
        ownerOf(ctx),
        String(ctx.params.recallId),
        String(ctx.params.vehicleId),
        status,
        locale,
      ),
    };
  },
});
