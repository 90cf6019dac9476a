import { createMemoryCounters } from '../../../lib/counters';
import {
  outcomeOf,
  rateLimitKey,
  reserveAttempt,
  settleAttempt,
  type RateLimit,
} from './rate-limit';

const limits: RateLimit[] = [
  { by: 'pair', max: 2, windowSeconds: 60 },
  { by: 'ip', max: 3, windowSeconds: 120 },
];

/** One attempt that ends in `outcome`; returns whether it was allowed to run. */
async function attempt(
  store: ReturnType<typeof createMemoryCounters>,
  subjects: { ip: string; account?: string },
  outcome: 'success' | 'failure' | 'error',
  counts: 'failures' | 'attempts' = 'failures',
) {
  const reservation = await reserveAttempt(store, 'login', limits, subjects);
  if (reservation.allowed) await settleAttempt(store, reservation, counts, outcome);
  return reservation;
}

describe('rate limiting by outcome', () => {
  it('refuses a pair after its maximum of failures, with the seconds to wait', async () => {
    const store = createMemoryCounters();
    const subjects = { ip: '10.0.0.1', account: 'ram@example.com' };
    expect((await attempt(store, subjects, 'failure')).allowed).toBe(true);
    expect((await attempt(store, subjects, 'failure')).allowed).toBe(true);

    const third = await reserveAttempt(store, 'login', limits, subjects);
    expect(third).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect((await attempt(store, { ...subjects, ip: '10.0.0.9' }, 'success')).allowed).toBe(true);
  });

  it('never counts successes, and a success forgets the pair', async () => {
    const store = createMemoryCounters();
    const subjects = { ip: '10.0.0.2', account: 'sita@example.com' };
    for (let index = 0; index < 10; index += 1) await attempt(store, subjects, 'success');
    await attempt(store, subjects, 'failure');
    await attempt(store, subjects, 'success');
    expect((await attempt(store, subjects, 'failure')).allowed).toBe(true);
    expect((await attempt(store, subjects, 'failure')).allowed).toBe(true);
    expect((await attempt(store, subjects, 'failure')).allowed).toBe(false);
  });

  it('holds a per-address ceiling across accounts, and refusals do not use it up', async () => {
    const store = createMemoryCounters();
    const ip = '10.0.0.3';
    await attempt(store, { ip, account: 'a@x.np' }, 'failure');
    await attempt(store, { ip, account: 'a@x.np' }, 'failure');
    for (let index = 0; index < 5; index += 1) {
      expect((await attempt(store, { ip, account: 'a@x.np' }, 'failure')).allowed).toBe(false);
    }
    expect((await attempt(store, { ip, account: 'b@x.np' }, 'failure')).allowed).toBe(true);
    expect(await reserveAttempt(store, 'login', limits, { ip, account: 'c@x.np' })).toMatchObject({
      allowed: false,
      retryAfterSeconds: 120,
    });
  });

  it('takes back attempts that ended in a server error', async () => {
    const store = createMemoryCounters();
    const subjects = { ip: '10.0.0.4', account: 'hari@example.com' };
    for (let index = 0; index < 5; index += 1) await attempt(store, subjects, 'error');
    expect((await attempt(store, subjects, 'failure')).allowed).toBe(true);
  });

  it('counts every attempt when told to', async () => {
    const store = createMemoryCounters();
    const subjects = { ip: '10.0.0.5', account: 'gita@example.com' };
    await attempt(store, subjects, 'success', 'attempts');
    await attempt(store, subjects, 'success', 'attempts');
    expect((await attempt(store, subjects, 'success', 'attempts')).allowed).toBe(false);
  });

  it('keeps buckets apart', async () => {
    const store = createMemoryCounters();
    const subjects = { ip: '10.0.0.6', account: 'ram@example.com' };
    await attempt(store, subjects, 'failure');
    await attempt(store, subjects, 'failure');
    expect((await reserveAttempt(store, 'forgot-password', limits, subjects)).allowed).toBe(true);
  });

  it('never puts an email address into a counter key', async () => {
    const store = createMemoryCounters();
    const reservation = await reserveAttempt(store, 'login', limits, {
      ip: '10.0.0.7',
      account: 'ram@example.com',
    });
    expect(reservation.counted.map(({ key }) => key).join(' ')).not.toContain('ram');
    expect(rateLimitKey('login', 'pair', 'h:10.0.0.7')).toBe('rate-limit:login:pair:h:10.0.0.7');
  });

  it.each([
    [200, 'success'],
    [400, 'failure'],
    [401, 'failure'],
    [429, 'error'],
    [500, 'error'],
  ])('reads status %i as %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});
