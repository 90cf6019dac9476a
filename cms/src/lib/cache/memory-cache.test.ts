import { createMemoryCache } from './memory-cache';

describe('in-process cache limits', () => {
  it('evicts the oldest entries beyond maxEntries', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('first', 1, 60);
    await cache.set('second', 2, 60);
    await cache.set('third', 3, 60);

    expect(await cache.get('first')).toBeUndefined();
    expect(await cache.get('second')).toBe(2);
    expect(await cache.get('third')).toBe(3);
  });

  it('expires by the injected clock', async () => {
    let now = 1_000;
    const cache = createMemoryCache({ now: () => now });
    await cache.set('k', 'v', 10);
    now += 9_999;
    expect(await cache.get('k')).toBe('v');
    now += 1;
    expect(await cache.get('k')).toBeUndefined();
  });
});
