import { connectPrefixedRedis, type PrefixedRedisOptions } from '../redis/prefixed-redis';
import { assertTtl, CacheUnavailableError, type Cache } from './cache';

export type RedisCacheOptions = PrefixedRedisOptions;

/** Redis-backed cache. Commands fail fast while Redis is unreachable instead of queueing. */
export function createRedisCache(options: RedisCacheOptions): Cache {
  const connection = connectPrefixedRedis(options, (cause) => new CacheUnavailableError(cause));
  const { redis, key, run } = connection;

  return {
    kind: 'redis',
    async get<T>(name: string) {
      const json = await run(() => redis.get(key(name)));
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    async getJson(name: string) {
      return (await run(() => redis.get(key(name)))) ?? undefined;
    },
    async set<T>(name: string, value: T, ttlSeconds: number) {
      assertTtl(ttlSeconds);
      const ttlMs = Math.ceil(ttlSeconds * 1000);
      await run(() => redis.set(key(name), JSON.stringify(value), 'PX', ttlMs));
    },
    async add<T>(name: string, value: T, ttlSeconds: number) {
      assertTtl(ttlSeconds);
      const ttlMs = Math.ceil(ttlSeconds * 1000);
      const stored = await run(() =>
        redis.set(key(name), JSON.stringify(value), 'PX', ttlMs, 'NX'),
      );
      return stored === 'OK';
    },
    async increment(name: string, windowSeconds: number) {
      assertTtl(windowSeconds);
      return connection.increment(name, windowSeconds);
    },
    delete: connection.delete,
    deleteByPrefix: connection.deleteByPrefix,
    ping: connection.ping,
    close: connection.close,
  };
}
