import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { CounterStoreFullError } from '../../../lib/counters';
import { DomainError, TooManyRequests } from '../../../lib/errors';
import {
  outcomeOf,
  reserveAttempt,
  settleAttempt,
  type RateLimit,
  type Reservation,
} from '../rules/rate-limit';
import { signInAccountKey } from '../rules/sign-in-account';
import { getCounters } from '../../../lib/infrastructure';

export interface RateLimitConfig {
  /** Name of the counter family, e.g. "login". */
  bucket: string;
  limits: RateLimit[];
  /**
   * `failures`: only attempts that end in a 4xx stay counted (sign-in, codes, passwords);
   * a success forgets the account+address pair. `attempts`: every attempt counts (actions
   * whose success is itself what is limited: registering, sending mail).
   */
  counts: 'failures' | 'attempts';
  /** Body field naming the account, counted case-insensitively. */
  accountField?: string;
  /**
   * The account field is a sign-in identifier (email or username): count the account it
   * names, whichever way it is spelt, not the spelling (see `signInAccountKey`).
   */
  resolveAccount?: boolean;
}

/** The status Strapi's error middleware will answer with for an error thrown by the action. */
export function statusOfError(error: unknown): number {
  if (error instanceof DomainError) return error.status;
  if (error instanceof errors.ApplicationError) {
    if (error instanceof errors.UnauthorizedError) return 401;
    if (error instanceof errors.ForbiddenError) return 403;
    if (error instanceof errors.NotFoundError) return 404;
    if (error instanceof errors.PayloadTooLargeError) return 413;
    if (error instanceof errors.RateLimitError) return 429;
    if (error instanceof errors.NotImplementedError) return 501;
    return 400;
  }
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' ? status : 500;
}

const tooMany = (ctx: Context, seconds: number, message: string) => {
  ctx.set('Retry-After', String(seconds));
  return new TooManyRequests(message, seconds);
};

/**
 * Route middleware: counts the attempt before the action and refuses with 429 and
 * `Retry-After` once the pair, the address, the account or the owner is over a limit; then
 * settles the count by the action's outcome. Counters live in the counter store, which cache
 * traffic cannot evict. If that store is unreachable the request goes through (an outage
 * must not lock every owner out); if the in-process store is full (a flood from very many
 * addresses), new subjects are refused rather than any counter being dropped.
 */
export default (config: RateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
    const named = config.accountField ? body[config.accountField] : undefined;
    let account: string | undefined;
    if (typeof named === 'string') {
      account = config.resolveAccount
        ? await signInAccountKey(strapi, named)
        : named.trim().toLowerCase();
    }
    const user = (ctx.state.user as { id?: number | string } | undefined)?.id;
    const store = getCounters(strapi);
    let reservation: Reservation;
    try {
      reservation = await reserveAttempt(store, config.bucket, config.limits, {
        ip: ctx.request.ip,
        account,
        user: user === undefined ? undefined : String(user),
      });
    } catch (error) {
      if (error instanceof CounterStoreFullError) {
        strapi.log.error('rate limit refused: counter store full', { bucket: config.bucket });
        throw tooMany(ctx, 60, 'Too many attempts right now; try again in 60 seconds');
      }
      strapi.log.warn('rate limit skipped: counter store unavailable', {
        bucket: config.bucket,
        error: (error as Error).message,
      });
      return next();
    }
    if (!reservation.allowed) {
      const seconds = reservation.retryAfterSeconds;
      throw tooMany(ctx, seconds, `Too many attempts; try again in ${seconds} seconds`);
    }

    let status = 500;
    try {
      await next();
      status = ctx.status;
    } catch (error) {
      status = statusOfError(error);
      throw error;
    } finally {
      await settleAttempt(store, reservation, config.counts, outcomeOf(status)).catch(
        (error: Error) =>
          strapi.log.warn('rate limit not settled', {
            bucket: config.bucket,
            error: error.message,
          }),
      );
    }
  };
};
