import { describe, expect, it, vi } from 'vitest';
import { createTtlCache } from './ttl-cache';

function clock(start = 1_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('ttl cache', () => {
  it('serves a stored value until its time is up, then forgets it', () => {
    const time = clock();
    const cache = createTtlCache<string, number>({ ttlMs: 100, maxEntries: 10, now: time.now });
    cache.set('a', 1);
    time.advance(99);
    expect(cache.get('a')).toBe(1);
    time.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when it would hold more than maxEntries', () => {
    const cache = createTtlCache<string, number>({ ttlMs: 1_000, maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('loads a missing key once for concurrent callers and keeps what keep() accepts', async () => {
    const cache = createTtlCache<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    const load = vi.fn(async () => 7);
    const values = await Promise.all([
      cache.getOrLoad('a', load),
      cache.getOrLoad('a', load),
      cache.getOrLoad('a', load),
    ]);
    expect(values).toEqual([7, 7, 7]);
    await cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a value keep() refuses, so the next call asks again', async () => {
    const cache = createTtlCache<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    const load = vi.fn(async () => -1);
    await cache.getOrLoad('a', load, (value) => value > 0);
    await cache.getOrLoad('a', load, (value) => value > 0);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not store a value whose key was deleted while it loaded', async () => {
    const cache = createTtlCache<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    let finish: (value: number) => void = () => {};
    const loaded = cache.getOrLoad('a', () => new Promise<number>((resolve) => (finish = resolve)));
    cache.delete('a');
    finish(1);
    await loaded;
    expect(cache.get('a')).toBeUndefined();
  });

  it('lets a failed load be retried', async () => {
    const cache = createTtlCache<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    await expect(cache.getOrLoad('a', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    await expect(cache.getOrLoad('a', async () => 2)).resolves.toBe(2);
  });
});
