import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { newsListQuery } from '../news-input';
import { getNewsService } from '../services';

/** Public news: newest first, one article by slug with its body as sanitised HTML. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const query = await parseLocaleQuery(strapi, ctx.query, newsListQuery);
    ctx.body = await getNewsService(strapi, 'articles').list(query);
  },

  async findOne(ctx: Context) {
    const { locale } = await parseLocaleQuery(strapi, ctx.query);
    ctx.body = {
      data: await getNewsService(strapi, 'articles').findBySlug(String(ctx.params.slug), locale),
    };
  },
});
