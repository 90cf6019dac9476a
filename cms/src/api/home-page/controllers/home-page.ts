import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';

/**
 * The published home page in one configured locale. Takes `locale` only, checked as on every
 * other route (an unconfigured one is a 400 naming it, not stock's 404). Stock's `populate`,
 * `fields`, `filters` and `status` are refused like any unknown parameter: the page has no
 * relations, no drafts, and two fields the portal always shows.
 */
export default factories.createCoreController('api::home-page.home-page', ({ strapi }) => ({
  async find(ctx: Context) {
    const { locale } = await parseLocaleQuery(strapi, ctx.query);
    ctx.query = { locale };
    return super.find(ctx);
  },
}));
