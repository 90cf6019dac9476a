import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseData } from '../../../lib/validation';
import { profileInput } from '../profile-input';
import { getProfileService } from '../services';

/** GET and PUT of the signed-in owner's own profile. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const profiles = () => getProfileService(strapi, 'profile');
  const ownerId = (ctx: Context) => (ctx.state.user as { id: number }).id;

  return {
    async find(ctx: Context) {
      ctx.body = { data: await profiles().find(ownerId(ctx)) };
    },

    async update(ctx: Context) {
      const input = parseData(profileInput, (ctx.request as { body?: unknown }).body);
      ctx.body = { data: await profiles().update(ownerId(ctx), input) };
    },
  };
};
