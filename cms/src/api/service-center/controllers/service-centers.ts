import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { centerListQuery } from '../center-query';
import { getServiceCenterService } from '../services';

/** The finder, for visitors and owners: centers near a point or by name, and one center. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const search = () => getServiceCenterService(strapi, 'search');
  return {
    async find(ctx: Context) {
      const { locale, ...filters } = await parseLocaleQuery(strapi, ctx.query, centerListQuery);
      ctx.body = await search().list(filters, locale);
    },
    async findOne(ctx: Context) {
      const { locale } = await parseLocaleQuery(strapi, ctx.query);
      ctx.body = { data: await search().findOne(String(ctx.params.id), locale) };
    },
  };
};
