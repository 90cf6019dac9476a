import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { registrationProfileInput } from '../api/profile/profile-input';
import type profileService from '../api/profile/services/profile';
import { parseOrThrow } from '../platform/validation';

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
      const profiles = strapi.service('api::profile.profile') as unknown as ReturnType<
        typeof profileService
      >;
      await profiles.assertLocale(input.preferredLocale);
    }
    Object.assign(body, input);
    return next();
  };
};
