import { createMemoryCache } from '../cache';
import { consumeAttempt, rateLimitKey, type RateLimit } from './rate-limit';

const limits: RateLimit[] = [
  { by: 'account', max: 2, windowSeconds: 60 },
  { by: 'ip', max: 3, windowSeconds: 120 },
];

describe('rate limiting', () => {
  it('refuses the attempt after the per-account maximum, with the seconds to wait', async () => {
    const cache = createMemoryCache();
    const subjects = { ip: '10.0.0.1', account: 'ram@example.com' };
    expect((await consumeAttempt(cache, 'login', limits, subjects)).allowed).toBe(true);
    expect((await consumeAttempt(cache, 'login', limits, subjects)).allowed).toBe(true);

    const third = await consumeAttempt(cache, 'login', limits, subjects);
    expect(third).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('limits one address across accounts', async () => {
    const cache = createMemoryCache();
    for (const account of ['a@x.np', 'b@x.np', 'c@x.np']) {
      expect(
        (await consumeAttempt(cache, 'login', limits, { ip: '10.0.0.2', account })).allowed,
      ).toBe(true);
    }
    const fourth = await consumeAttempt(cache, 'login', limits, {
      ip: '10.0.0.2',
      account: 'd@x.np',
    });
    expect(fourth).toEqual({ allowed: false, retryAfterSeconds: 120 });
  });

  it('keeps buckets apart', async () => {
    const cache = createMemoryCache();
    const subjects = { ip: '10.0.0.3', account: 'ram@example.com' };
    await consumeAttempt(cache, 'login', limits, subjects);
    await consumeAttempt(cache, 'login', limits, subjects);
    expect((await consumeAttempt(cache, 'forgot-password', limits, subjects)).allowed).toBe(true);
  });

  it('never puts an email address into a cache key', () => {
    const key = rateLimitKey('login', limits[0], 'ram@example.com');
    expect(key).not.toContain('ram');
    expect(key).toMatch(/^rate-limit:login:account:/);
  });
});
