import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { consumeAttempt, type RateLimit } from '../platform/identity/rate-limit';
import { getService } from '../platform/services';

export interface RateLimitConfig {
  /** Name of the counter family, e.g. "login". */
  bucket: string;
  limits: RateLimit[];
  /** Body field naming the account, counted case-insensitively. */
  accountField?: string;
}

/**
 * Route middleware: refuses with 429 and `Retry-After` once the client or the account has
 * made too many attempts. Counters live in the shared cache (Redis across instances). If
 * the cache is down the request goes through: an outage must not lock every owner out.
 */
export default (config: RateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
    const account = config.accountField ? body[config.accountField] : undefined;
    let decision;
    try {
      decision = await consumeAttempt(getService(strapi, 'cache'), config.bucket, config.limits, {
        ip: ctx.request.ip,
        account: typeof account === 'string' ? account.trim().toLowerCase() : undefined,
      });
    } catch (error) {
      strapi.log.warn('rate limit skipped: cache unavailable', {
        bucket: config.bucket,
        error: (error as Error).message,
      });
      return next();
    }
    if (!decision.allowed) {
      ctx.set('Retry-After', String(decision.retryAfterSeconds));
      throw new errors.RateLimitError(
        `Too many attempts; try again in ${decision.retryAfterSeconds} seconds`,
        { retryAfter: decision.retryAfterSeconds },
      );
    }
    return next();
  };
};
