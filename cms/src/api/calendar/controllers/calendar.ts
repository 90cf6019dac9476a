import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseQuery } from '../../../lib/locales';
import { getCalendarService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** The owner's feed token (owner routes) and the feed itself (public, by token). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feed = () => getCalendarService(strapi, 'feed');

  return {
    async token(ctx: Context) {
      parseQuery(ctx.query);
      ctx.body = { data: await feed().state(ownerOf(ctx)) };
    },

    /** 201 with the token and its path: shown this once, like any secret. */
    async rotateToken(ctx: Context) {
      parseQuery(ctx.query);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await feed().rotate(ownerOf(ctx)) };
    },

    async revokeToken(ctx: Context) {
      parseQuery(ctx.query);
      await feed().revoke(ownerOf(ctx));
      ctx.status = 204;
    },

    async ics(ctx: Context) {
      const body = await feed().render(String(ctx.params.token));
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.type = 'text/calendar; charset=utf-8';
      ctx.body = body;
    },
  };
};
