import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { registrationProfileInput } from '../profile-input';
import { parseOrThrow } from '../../../lib/validation';
import { getProfileService } from '../services';

/**
 * Route middleware on registration: the optional profile fields it accepts
 * (display name, preferred locale) follow the same rules as `PUT /api/profile`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
    const { displayName, preferredLocale } = body;
    const input = parseOrThrow(registrationProfileInput, { displayName, preferredLocale });
    if (input.preferredLocale !== undefined) {
      const profiles = getProfileService(strapi, 'profile');
      await profiles.assertLocale(input.preferredLocale);
    }
    Object.assign(body, input);
    return next();
  };
};
