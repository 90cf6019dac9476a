import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { getService } from '../platform/services';

interface AccessClaims {
  type?: string;
  sessionId?: string;
}

/**
 * Reads the claims of a bearer JWT without verifying it. Safe here because it is only used
 * to refuse requests: the users-permissions strategy still verifies every token it accepts.
 */
export function unverifiedClaims(authorization: string | undefined): AccessClaims | null {
  const match = /^Bearer\s+([^.\s]+)\.([^.\s]+)\.[^.\s]*$/i.exec(authorization ?? '');
  if (!match) return null;
  try {
    return JSON.parse(Buffer.from(match[2], 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return null;
  }
}

/**
 * Stock Strapi accepts an access token until it expires, even after logout. This refuses
 * it on the very next request once its session family is revoked (logout, refresh-token
 * replay, password change, blocked account).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const claims = ctx.path.startsWith('/api/') ? unverifiedClaims(ctx.get('authorization')) : null;
    if (claims?.type === 'access' && typeof claims.sessionId === 'string') {
      if (!(await getService(strapi, 'sessions').isLive(claims.sessionId))) {
        throw new errors.UnauthorizedError('Your session has ended; please sign in again');
      }
    }
    return next();
  };
};
