import { createHash } from 'node:crypto';
import type { CounterStore } from '../../../lib/counters';

/**
 * Who a limit counts: the client address, the account named in the request, the account and
 * address together, or the signed-in owner.
 */
export type RateLimitSubject = 'ip' | 'account' | 'pair' | 'user';

export interface RateLimit {
  by: RateLimitSubject;
  max: number;
  windowSeconds: number;
}

export interface Subjects {
  ip: string;
  account?: string;
  user?: string;
}

/** What the guarded action came to, as far as counting goes. */
export type Outcome = 'success' | 'failure' | 'error';

export interface Reservation {
  allowed: boolean;
  /** Seconds until the window that refused the request ends (0 when allowed). */
  retryAfterSeconds: number;
  /** The counters this attempt was counted in, to settle once the outcome is known. */
  counted: Array<{ key: string; by: RateLimitSubject }>;
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

function subjectOf(by: RateLimitSubject, subjects: Subjects): string | undefined {
  switch (by) {
    case 'ip':
      return subjects.ip;
    case 'user':
      return subjects.user;
    case 'account':
      return subjects.account && hash(subjects.account);
    case 'pair':
      return subjects.account && `${hash(subjects.account)}:${subjects.ip}`;
  }
}

/** Counter key of one limit; accounts are hashed so no email address is stored. */
export function rateLimitKey(bucket: string, by: RateLimitSubject, subject: string): string {
  return `rate-limit:${bucket}:${by}:${subject}`;
}

/**
 * Counts the attempt in every applicable counter before the action runs, so concurrent
 * attempts cannot all slip under a limit. Over any limit: takes the attempt back everywhere
 * (a refused request is not a failure: hammering a locked pair must not use up the address's
 * ceiling) and refuses.
 */
export async function reserveAttempt(
  store: CounterStore,
  bucket: string,
  limits: RateLimit[],
  subjects: Subjects,
): Promise<Reservation> {
  const counted: Reservation['counted'] = [];
  let retryAfterSeconds = 0;
  for (const limit of limits) {
    const subject = subjectOf(limit.by, subjects);
    if (!subject) continue;
    const key = rateLimitKey(bucket, limit.by, subject);
    const { count, resetInMs } = await store.increment(key, limit.windowSeconds);
    counted.push({ key, by: limit.by });
    if (count > limit.max) {
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil(resetInMs / 1000)));
    }
  }
  if (retryAfterSeconds > 0) {
    await Promise.all(counted.map(({ key }) => store.decrement(key)));
    return { allowed: false, retryAfterSeconds, counted: [] };
  }
  return { allowed: true, retryAfterSeconds: 0, counted };
}

/**
 * Settles a reserved attempt once its outcome is known. Counting failures only: a success
 * takes the attempt back and forgets the pair's earlier failures (the owner proved who they
 * are from there); a failure stays counted. Counting attempts: everything stays counted. A
 * server error is never the caller's fault and is taken back either way.
 */
export async function settleAttempt(
  store: CounterStore,
  reservation: Reservation,
  counts: 'failures' | 'attempts',
  outcome: Outcome,
): Promise<void> {
  if (outcome === 'failure' || (counts === 'attempts' && outcome === 'success')) return;
  await Promise.all(
    reservation.counted.map(({ key, by }) =>
      outcome === 'success' && by === 'pair' ? store.delete(key) : store.decrement(key),
    ),
  );
}

/** The outcome of an action that answered (or threw) with this HTTP status. */
export function outcomeOf(status: number): Outcome {
  if (status < 400) return 'success';
  if (status < 500 && status !== 429) return 'failure';
  return 'error';
}
