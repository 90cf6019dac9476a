import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseQuery } from '../../../lib/locales';
import { parseData } from '../../../lib/validation';
import { profileInput } from '../profile-input';
import { getProfileService } from '../services';

/**
 * GET and PUT of the signed-in owner's own profile. Neither takes a query parameter, not
 * even `locale`: nothing in a profile is translated (the owner's language is a field of it),
 * so any parameter is a 400 naming it, as on the garage routes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const profiles = () => getProfileService(strapi, 'profile');
  const ownerId = (ctx: Context) => (ctx.state.user as { id: number }).id;

  return {
    async find(ctx: Context) {
      parseQuery(ctx.query);
      ctx.body = { data: await profiles().find(ownerId(ctx)) };
    },

    async update(ctx: Context) {
      parseQuery(ctx.query);
      const input = parseData(profileInput, (ctx.request as { body?: unknown }).body);
      ctx.body = { data: await profiles().update(ownerId(ctx), input) };
    },
  };
};
