import Redis from 'ioredis';
import { escapeGlob } from '../cache/redis-cache';
import { assertWindow, CounterStoreUnavailableError, type CounterStore } from './counter-store';

export interface RedisCounterOptions {
  url: string;
  /** Namespace for every key, so several apps or test runs can share one Redis. */
  prefix: string;
  onError?: (error: Error) => void;
}

const SCAN_BATCH = 500;

// Takes one back only from a counter that still exists: a DECR on an expired key would
// create one without expiry.
const DECREMENT_LIVE = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

/** Eviction policies under which Redis may drop keys that still have time to live. */
export function evictsLiveKeys(policy: string | undefined): boolean {
  return policy !== undefined && policy !== 'noeviction';
}

/**
 * Counters in Redis, atomic across instances. This Redis must never evict keys to make room
 * (maxmemory-policy noeviction): every counter has a TTL, so volatile-* policies would drop
 * them as readily as allkeys-*. Commands fail fast while Redis is unreachable.
 */
export function createRedisCounters(options: RedisCounterOptions): CounterStore & {
  evictionPolicy(): Promise<string | undefined>;
} {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  let lastError: string | undefined;
  redis.on('error', (error: Error) => {
    if (error.message !== lastError) options.onError?.(error);
    lastError = error.message;
  });
  redis.on('ready', () => {
    lastError = undefined;
  });
  const firstAttempt = new Promise<void>((resolve) => {
    redis.once('ready', resolve);
    redis.once('error', () => resolve());
    redis.once('end', resolve);
  });

  const key = (name: string) => `${options.prefix}${name}`;
  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      await firstAttempt;
      return await command();
    } catch (error) {
      throw new CounterStoreUnavailableError(error);
    }
  };

  return {
    kind: 'redis',
    async increment(name, windowSeconds) {
      assertWindow(windowSeconds);
      const windowMs = Math.ceil(windowSeconds * 1000);
      const results = await run(() =>
        redis.multi().incr(key(name)).pexpire(key(name), windowMs, 'NX').pttl(key(name)).exec(),
      );
      const [[incrError, count], , [ttlError, ttl]] = results ?? [
        [new Error('transaction aborted'), 0],
        [null, 0],
        [null, 0],
      ];
      if (incrError || ttlError) throw new CounterStoreUnavailableError(incrError ?? ttlError);
      return { count: Number(count), resetInMs: Math.max(Number(ttl), 0) };
    },
    async decrement(name) {
      await run(() => redis.eval(DECREMENT_LIVE, 1, key(name)));
    },
    async delete(name) {
      await run(() => redis.unlink(key(name)));
    },
    async mark(name, ttlSeconds) {
      assertWindow(ttlSeconds);
      await run(() => redis.set(key(name), '1', 'PX', Math.ceil(ttlSeconds * 1000)));
    },
    async isMarked(name) {
      return (await run(() => redis.exists(key(name)))) === 1;
    },
    async deleteByPrefix(prefix) {
      const pattern = `${escapeGlob(key(prefix))}*`;
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await run(() =>
          redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH),
        );
        cursor = next;
        if (keys.length > 0) deleted += await run(() => redis.unlink(...keys));
      } while (cursor !== '0');
      return deleted;
    },
    async ping() {
      await run(() => redis.ping());
    },
    async close() {
      redis.disconnect();
    },
    /** The server's maxmemory-policy, or undefined where CONFIG is not allowed. */
    async evictionPolicy() {
      try {
        const reply = (await run(() => redis.config('GET', 'maxmemory-policy'))) as string[];
        return reply[1];
      } catch {
        return undefined;
      }
    },
  };
}
