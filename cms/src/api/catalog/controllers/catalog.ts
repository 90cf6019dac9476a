import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { getCatalogService } from '../services';

/** Public, read-only catalog for the add-vehicle form: make → model → year → trim. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => getCatalogService(strapi, 'catalog');
  const localeOf = async (ctx: Context) => (await parseLocaleQuery(strapi, ctx.query)).locale;

  return {
    async makes(ctx: Context) {
      ctx.body = { data: await catalog().makes(await localeOf(ctx)) };
    },
    async modelsOfMake(ctx: Context) {
      ctx.body = { data: await catalog().modelsOfMake(ctx.params.id, await localeOf(ctx)) };
    },
    async model(ctx: Context) {
      ctx.body = { data: await catalog().model(ctx.params.id, await localeOf(ctx)) };
    },
  };
};
