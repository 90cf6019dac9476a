import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { pageQuery } from '../../../lib/pagination';
import { getGarageService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** The signed-in owner's garage overview, as a whole. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async version(ctx: Context) {
    // The vehicle list's own parameters: a version is of one page, as GET /vehicles answers it.
    const { locale, ...page } = await parseLocaleQuery(strapi, ctx.query, pageQuery.shape);
    const version = await getGarageService(strapi, 'garage-version').version(
      ownerOf(ctx),
      page,
      locale,
    );
    ctx.body = { data: { version } };
  },
});
