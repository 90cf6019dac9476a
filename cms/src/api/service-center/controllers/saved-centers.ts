import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { pageQuery } from '../../../lib/pagination';
import { parseData } from '../../../lib/validation';
import { saveCenterInput } from '../saved-input';
import { getServiceCenterService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** The signed-in owner's saved centers. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const saved = () => getServiceCenterService(strapi, 'saved');
  return {
    async list(ctx: Context) {
      const { locale, ...page } = await parseLocaleQuery(strapi, ctx.query, pageQuery.shape);
      ctx.body = await saved().list(ownerOf(ctx), page, locale);
    },
    /** 201 with the saved center; saving it again, 200 with the same. */
    async save(ctx: Context) {
      const { locale } = await parseLocaleQuery(strapi, ctx.query);
      const input = parseData(saveCenterInput, (ctx.request as { body?: unknown }).body);
      const { center, created } = await saved().save(ownerOf(ctx), input.center, locale);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: center };
    },
    async unsave(ctx: Context) {
      await parseLocaleQuery(strapi, ctx.query);
      await saved().unsave(ownerOf(ctx), String(ctx.params.centerId));
      ctx.status = 204;
    },
  };
};
