import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryCache, createRedisCache, remember, rememberJson, type Cache } from './index';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const stores: Array<[string, () => Cache]> = [
  ['in-process store', () => createMemoryCache()],
  ['Redis', () => createRedisCache({ url: REDIS_URL, prefix: `mg-test:${randomUUID()}:` })],
];

describe.each(stores)('cache service on the %s', (_name, create) => {
  let cache: Cache;

  beforeEach(async () => {
    cache = create();
    await cache.ping();
  });
  afterEach(async () => {
    await cache.deleteByPrefix('');
    await cache.close();
  });

  it('returns what was set, as a copy', async () => {
    const vehicle = { nickname: 'Rato', odometerKm: 12500, tags: ['daily'] };
    await cache.set('vehicle:1', vehicle, 60);
    vehicle.tags.push('mutated');

    expect(await cache.get('vehicle:1')).toEqual({
      nickname: 'Rato',
      odometerKm: 12500,
      tags: ['daily'],
    });
  });

  it('answers undefined for a key never set', async () => {
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('forgets a value once its TTL has passed', async () => {
    await cache.set('short', 'soon gone', 0.15);
    await cache.set('long', 'still here', 60);
    await sleep(400);

    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('long')).toBe('still here');
  });

  it('overwrites a value and its TTL', async () => {
    await cache.set('k', 1, 0.15);
    await cache.set('k', 2, 60);
    await sleep(400);
    expect(await cache.get('k')).toBe(2);
  });

  it('adds a value only when the key is absent', async () => {
    expect(await cache.add('lock', 'first', 60)).toBe(true);
    expect(await cache.add('lock', 'second', 60)).toBe(false);
    expect(await cache.get('lock')).toBe('first');
    await cache.set('lock', 'overwritten', 60);
    expect(await cache.get('lock')).toBe('overwritten');
  });

  it('adds again once the earlier value expired', async () => {
    await cache.add('short', 'old', 0.15);
    await sleep(400);
    expect(await cache.add('short', 'new', 60)).toBe(true);
    expect(await cache.get('short')).toBe('new');
  });

  it('deletes one key', async () => {
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe(2);
  });

  it('deletes by prefix and only by prefix', async () => {
    await cache.set('owner:1:vehicles:list', [1], 60);
    await cache.set('owner:1:vehicles:abc', { id: 'abc' }, 60);
    await cache.set('owner:10:vehicles:list', [10], 60);
    await cache.set('owner:2:vehicles:list', [2], 60);

    const deleted = await cache.deleteByPrefix('owner:1:');

    expect(deleted).toBe(2);
    expect(await cache.get('owner:1:vehicles:list')).toBeUndefined();
    expect(await cache.get('owner:1:vehicles:abc')).toBeUndefined();
    expect(await cache.get('owner:10:vehicles:list')).toEqual([10]);
    expect(await cache.get('owner:2:vehicles:list')).toEqual([2]);
  });

  it('treats glob characters in a prefix literally', async () => {
    await cache.set('a*b:1', 1, 60);
    await cache.set('axb:1', 2, 60);
    expect(await cache.deleteByPrefix('a*')).toBe(1);
    expect(await cache.get('axb:1')).toBe(2);
  });

  it('counts increments within a window and starts over after it', async () => {
    expect(await cache.increment('attempts', 0.3)).toMatchObject({ count: 1 });
    const second = await cache.increment('attempts', 0.3);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(0);
    expect(second.resetInMs).toBeLessThanOrEqual(300);
    await sleep(500);
    expect((await cache.increment('attempts', 0.3)).count).toBe(1);
  });

  it('keeps separate counters per key', async () => {
    await cache.increment('ip:1', 60);
    await cache.increment('ip:1', 60);
    expect((await cache.increment('ip:2', 60)).count).toBe(1);
  });

  it('rejects a TTL that is not positive', async () => {
    await expect(cache.set('k', 1, 0)).rejects.toThrow(RangeError);
    await expect(cache.set('k', 1, Number.NaN)).rejects.toThrow(RangeError);
  });

  it('remembers a loaded value and loads once, reporting a miss then a hit', async () => {
    const load = jest.fn(async () => ({ loaded: true }));
    const lookups: string[] = [];
    const onLookup = (result: string) => lookups.push(result);
    expect(await remember(cache, 'r', 60, load, { onLookup })).toEqual({ loaded: true });
    expect(await remember(cache, 'r', 60, load, { onLookup })).toEqual({ loaded: true });
    expect(load).toHaveBeenCalledTimes(1);
    expect(lookups).toEqual(['miss', 'hit']);
  });

  it('hands back a stored value as its JSON text, and undefined for a key never set or expired', async () => {
    const page = { data: [{ nickname: 'रातो', odometerKm: 12500 }], meta: { next: null } };
    await cache.set('page', page, 60);
    const text = await cache.getJson('page');
    expect(typeof text).toBe('string');
    expect(JSON.parse(text!)).toEqual(page);
    expect(await cache.getJson('never-set')).toBeUndefined();
    await cache.set('short', page, 0.05);
    await sleep(120);
    expect(await cache.getJson('short')).toBeUndefined();
  });

  it('remembers as JSON text: a miss loads and stores, a hit is the same text without loading', async () => {
    const value = { data: [{ id: 'a', nickname: 'Rato' }], meta: { nextCursor: 'x' } };
    const load = jest.fn(async () => value);
    const lookups: string[] = [];
    const onLookup = (result: string) => lookups.push(result);
    const missed = await rememberJson(cache, 'rj', 60, load, { onLookup });
    const hit = await rememberJson(cache, 'rj', 60, load, { onLookup });
    expect(JSON.parse(missed)).toEqual(value);
    expect(hit).toBe(missed);
    expect(load).toHaveBeenCalledTimes(1);
    expect(lookups).toEqual(['miss', 'hit']);
    // The same entry reads back as a value too: one stored form for both.
    expect(await cache.get('rj')).toEqual(value);
  });
});

describe('Redis cache when Redis is unreachable', () => {
  it('fails ping, and remember() still answers from the loader', async () => {
    const errors: unknown[] = [];
    const cache = createRedisCache({ url: 'redis://127.0.0.1:1', prefix: 'mg-test:down:' });
    try {
      await expect(cache.ping()).rejects.toThrow(/cache unavailable/);
      const lookups: string[] = [];
      const value = await remember(cache, 'k', 60, async () => 'from database', {
        onError: (e) => errors.push(e),
        onLookup: (result) => lookups.push(result),
      });
      expect(value).toBe('from database');
      expect(errors).toHaveLength(1);
      expect(lookups).toEqual(['error']);
    } finally {
      await cache.close();
    }
  });

  it("rememberJson() answers the loader's value as JSON text", async () => {
    const cache = createRedisCache({ url: 'redis://127.0.0.1:1', prefix: 'mg-test:down:' });
    try {
      const lookups: string[] = [];
      const text = await rememberJson(cache, 'k', 60, async () => ({ from: 'database' }), {
        onLookup: (result) => lookups.push(result),
      });
      expect(JSON.parse(text)).toEqual({ from: 'database' });
      expect(lookups).toEqual(['error']);
    } finally {
      await cache.close();
    }
  });
});
