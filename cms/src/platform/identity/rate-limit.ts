import { createHash } from 'node:crypto';
import type { Cache } from '../cache';

export interface RateLimit {
  /** Who is counted: the client's address, or the account named in the request. */
  by: 'ip' | 'account';
  max: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window that refused the request ends (0 when allowed). */
  retryAfterSeconds: number;
}

/** Cache key of one counter; accounts are hashed so no email address is stored in Redis. */
export function rateLimitKey(bucket: string, limit: RateLimit, subject: string): string {
  const id =
    limit.by === 'account' ? createHash('sha256').update(subject).digest('base64url') : subject;
  return `rate-limit:${bucket}:${limit.by}:${id}`;
}

/**
 * Counts one attempt against every applicable limit and decides whether it may proceed.
 * Counting is atomic in Redis, so the limits hold across CMS instances.
 */
export async function consumeAttempt(
  cache: Cache,
  bucket: string,
  limits: RateLimit[],
  subjects: { ip: string; account?: string },
): Promise<RateLimitDecision> {
  let retryAfterSeconds = 0;
  for (const limit of limits) {
    const subject = limit.by === 'ip' ? subjects.ip : subjects.account;
    if (!subject) continue;
    const { count, resetInMs } = await cache.increment(
      rateLimitKey(bucket, limit, subject),
      limit.windowSeconds,
    );
    if (count > limit.max) {
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(resetInMs / 1000));
    }
  }
  return { allowed: retryAfterSeconds === 0, retryAfterSeconds };
}
