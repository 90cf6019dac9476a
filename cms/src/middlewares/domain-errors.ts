import type { Context, Next } from 'koa';
import { toStrapiError } from '../lib/errors';

/**
 * Global middleware, right after `strapi::errors`: answers a domain error (lib/errors) as the
 * Strapi error it stands for. Here rather than around each controller, so errors thrown by
 * policies (`api::vehicle.owns-vehicle`) and route middlewares (password policy, sign-in
 * limits) are answered the same way, on plugin routes too.
 */
export default () => async (_ctx: Context, next: Next) => {
  try {
    await next();
  } catch (error) {
    throw toStrapiError(error);
  }
};
