import { connectPrefixedRedis, type PrefixedRedisOptions } from '../redis/prefixed-redis';
import { assertWindow, CounterStoreUnavailableError, type CounterStore } from './counter-store';

export type RedisCounterOptions = PrefixedRedisOptions;

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
  const connection = connectPrefixedRedis(
    options,
    (cause) => new CounterStoreUnavailableError(cause),
  );
  const { redis, key, run } = connection;

  return {
    kind: 'redis',
    async increment(name, windowSeconds) {
      assertWindow(windowSeconds);
      return connection.increment(name, windowSeconds);
    },
    async decrement(name) {
      await run(() => redis.eval(DECREMENT_LIVE, 1, key(name)));
    },
    delete: connection.delete,
    async mark(name, ttlSeconds) {
      assertWindow(ttlSeconds);
      await run(() => redis.set(key(name), '1', 'PX', Math.ceil(ttlSeconds * 1000)));
    },
    async isMarked(name) {
      return (await run(() => redis.exists(key(name)))) === 1;
    },
    deleteByPrefix: connection.deleteByPrefix,
    ping: connection.ping,
    close: connection.close,
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
