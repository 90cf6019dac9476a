import type { Core } from '@strapi/strapi';
import { createCounterStore, evictsLiveKeys, type CounterStore } from '.';
import { createRedisCounters } from './redis-counters';
import { loadEnv } from '../env';

/**
 * Security state of this instance (rate-limit counters, session tombstones), kept apart from
 * the cache so cache traffic can never evict it: COUNTER_REDIS_URL, else REDIS_URL, else
 * in-process. Warns at boot when that Redis may evict keys to make room.
 */
export default ({ strapi }: { strapi: Core.Strapi }): CounterStore => {
  const env = loadEnv();
  const redisUrl = env.COUNTER_REDIS_URL ?? env.REDIS_URL;
  const options = {
    redisUrl,
    prefix: `${env.CACHE_PREFIX}security:`,
    onError: (error: Error) => strapi.log.warn('counter store error', { error: error.message }),
  };
  if (!redisUrl) return createCounterStore(options);
  const store = createRedisCounters({ ...options, url: redisUrl });
  void store.evictionPolicy().then((policy) => {
    if (evictsLiveKeys(policy)) {
      strapi.log.error(
        'the Redis holding rate limits and session revocations may evict them: set maxmemory-policy noeviction there (or point COUNTER_REDIS_URL at a Redis that has it)',
        { maxmemoryPolicy: policy },
      );
    }
  });
  return store;
};
