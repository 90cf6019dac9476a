import type { Cache } from './cache';
import { createMemoryCache } from './memory-cache';
import { createRedisCache } from './redis-cache';

export * from './cache';
export { createMemoryCache } from './memory-cache';
export { createRedisCache } from './redis-cache';

/** Redis when a URL is configured, the in-process store otherwise; same interface. */
export function createCache(options: {
  redisUrl?: string;
  prefix: string;
  onError?: (error: Error) => void;
}): Cache {
  return options.redisUrl
    ? createRedisCache({ url: options.redisUrl, prefix: options.prefix, onError: options.onError })
    : createMemoryCache();
}
