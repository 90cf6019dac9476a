import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import {
  createMemoryCounters,
  createRedisCounters,
  evictsLiveKeys,
  type CounterStore,
} from './index';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const stores: Array<[string, (prefix: string) => CounterStore]> = [
  ['in-process store', () => createMemoryCounters()],
  ['Redis', (prefix) => createRedisCounters({ url: REDIS_URL, prefix })],
];

describe.each(stores)('counter store on the %s', (_name, create) => {
  let counters: CounterStore;
  const prefix = `mg-test:${randomUUID()}:`;

  beforeEach(async () => {
    counters = create(prefix);
    await counters.ping();
  });
  afterEach(async () => {
    await counters.deleteByPrefix('');
    await counters.close();
  });

  it('counts within a window and starts over after it', async () => {
    expect(await counters.increment('attempts', 0.3)).toMatchObject({ count: 1 });
    const second = await counters.increment('attempts', 0.3);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(0);
    expect(second.resetInMs).toBeLessThanOrEqual(300);
    await sleep(500);
    expect((await counters.increment('attempts', 0.3)).count).toBe(1);
  });

  it('takes one back from a live counter, never below zero, and deletes', async () => {
    await counters.increment('k', 60);
    await counters.increment('k', 60);
    await counters.decrement('k');
    expect((await counters.increment('k', 60)).count).toBe(2);
    await counters.decrement('k');
    await counters.decrement('k');
    await counters.decrement('k');
    expect((await counters.increment('k', 60)).count).toBe(1);
    await counters.delete('k');
    expect((await counters.increment('k', 60)).count).toBe(1);
  });

  it('marks a key for a while', async () => {
    await counters.mark('revoked:s1', 0.2);
    expect(await counters.isMarked('revoked:s1')).toBe(true);
    expect(await counters.isMarked('revoked:s2')).toBe(false);
    await sleep(400);
    expect(await counters.isMarked('revoked:s1')).toBe(false);
  });

  it('deletes by prefix and only by prefix', async () => {
    await counters.increment('rate-limit:login:a', 60);
    await counters.increment('rate-limit:login:b', 60);
    await counters.increment('rate-limit:register:a', 60);
    expect(await counters.deleteByPrefix('rate-limit:login:')).toBe(2);
    expect((await counters.increment('rate-limit:register:a', 60)).count).toBe(2);
  });
});

describe('Redis counter store', () => {
  it('never leaves a key without expiry when taking one back from an expired counter', async () => {
    const prefix = `mg-test:${randomUUID()}:`;
    const counters = createRedisCounters({ url: REDIS_URL, prefix });
    const redis = new Redis(REDIS_URL);
    try {
      await counters.increment('gone', 0.1);
      await sleep(300);
      await counters.decrement('gone');
      expect(await redis.exists(`${prefix}gone`)).toBe(0);
      await counters.increment('kept', 60);
      expect(await redis.pttl(`${prefix}kept`)).toBeGreaterThan(0);
    } finally {
      await counters.deleteByPrefix('');
      await counters.close();
      redis.disconnect();
    }
  });

  it('reads the eviction policy, and knows which ones may drop live counters', async () => {
    const counters = createRedisCounters({ url: REDIS_URL, prefix: 'mg-test:policy:' });
    try {
      expect(await counters.evictionPolicy()).toEqual(expect.any(String));
    } finally {
      await counters.close();
    }
    expect(evictsLiveKeys('noeviction')).toBe(false);
    expect(evictsLiveKeys(undefined)).toBe(false);
    for (const policy of [
      'allkeys-lru',
      'allkeys-lfu',
      'allkeys-random',
      'volatile-lru',
      'volatile-ttl',
    ]) {
      expect(evictsLiveKeys(policy)).toBe(true);
    }
  });
});
