import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { AuthStrategy } from './owner-authentication';
import { getIdentityService } from '../services';

export const SESSION_ENDED = 'Your session has ended; please sign in again';

/**
 * Stock Strapi accepts an access token until it expires, even after logout. This wraps the
 * users-permissions content-API strategy (stock or cached), the one place an owner token is
 * accepted, so whatever path spelling or route reached it, a token whose session family was
 * revoked (logout, refresh-token replay, password change, blocked account) is refused.
 * Requests without credentials (public routes) pass through untouched.
 */
export function withLiveSessions(strapi: Core.Strapi, inner: AuthStrategy): AuthStrategy {
  return {
    ...inner,
    async authenticate(ctx: Context) {
      const result = await inner.authenticate(ctx);
      if (!result?.authenticated || !result.credentials) return result;
      const sessionId = (ctx.state.session as { id?: unknown } | undefined)?.id;
      // In refresh mode every access token names its session; one that does not is not ours.
      const live =
        typeof sessionId === 'string' &&
        (await getIdentityService(strapi, 'sessions').isLive(sessionId));
      if (live) return result;
      delete ctx.state.user;
      delete ctx.state.session;
      return { authenticated: false, error: SESSION_ENDED };
    },
  };
}
