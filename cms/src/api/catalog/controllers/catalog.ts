import type { Core } from '@strapi/strapi';
import { getService } from '../../../platform/services';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseOrThrow } from '../../../platform/validation';

const localeQuery = z
  .object({ locale: z.string().trim().min(2).max(10).default('en') })
  .passthrough();

/** Public, read-only catalog for the add-vehicle form: make → model → year → trim. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => getService(strapi, 'catalog');
  const localeOf = (ctx: Context) => parseOrThrow(localeQuery, ctx.query).locale;

  return {
    async makes(ctx: Context) {
      ctx.body = { data: await catalog().makes(localeOf(ctx)) };
    },
    async modelsOfMake(ctx: Context) {
      ctx.body = { data: await catalog().modelsOfMake(ctx.params.id, localeOf(ctx)) };
    },
    async model(ctx: Context) {
      ctx.body = { data: await catalog().model(ctx.params.id, localeOf(ctx)) };
    },
  };
};
