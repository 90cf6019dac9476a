import { createMemoryCache } from '../cache';
import { CounterStoreFullError, createMemoryCounters } from './index';

describe('in-process counter store', () => {
  it('keeps every counter while the cache beside it is flooded past its size', async () => {
    const cache = createMemoryCache();
    const counters = createMemoryCounters();
    await counters.increment('rate-limit:login:ip:10.0.0.1', 900);
    await counters.mark('session-revoked:abc', 120);
    await cache.set('rate-limit:login:ip:10.0.0.1', 1, 900);
    for (let index = 0; index < 20_000; index += 1) await cache.set(`junk:${index}`, index, 60);

    expect(await cache.get('rate-limit:login:ip:10.0.0.1')).toBeUndefined();
    expect((await counters.increment('rate-limit:login:ip:10.0.0.1', 900)).count).toBe(2);
    expect(await counters.isMarked('session-revoked:abc')).toBe(true);
  });

  it('refuses new keys when full instead of evicting any, and sweeps expired ones', async () => {
    let now = 0;
    const counters = createMemoryCounters({ maxKeys: 3, now: () => now });
    await counters.increment('a', 10);
    await counters.increment('b', 10);
    await counters.increment('c', 100);
    await expect(counters.increment('d', 10)).rejects.toThrow(CounterStoreFullError);
    expect((await counters.increment('a', 10)).count).toBe(2);

    now += 10_000;
    expect((await counters.increment('d', 10)).count).toBe(1);
    expect((await counters.increment('c', 100)).count).toBe(2);
  });

  it('expires a counter with its window and never takes one below zero', async () => {
    let now = 0;
    const counters = createMemoryCounters({ now: () => now });
    await counters.increment('k', 1);
    await counters.decrement('k');
    await counters.decrement('k');
    expect((await counters.increment('k', 1)).count).toBe(1);
    now += 1_000;
    expect((await counters.increment('k', 1)).count).toBe(1);
  });
});
