import type { Core } from '@strapi/strapi';
import { remember } from './';
import { getCache, getMetrics } from '../infrastructure';

/**
 * Reads through the shared cache, counting hits and misses per `cacheName` in the metrics
 * and falling back to `load` when the cache is down.
 */
export function cachedRead<T>(
  strapi: Core.Strapi,
  cacheName: string,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
): Promise<T> {
  const metrics = getMetrics(strapi);
  return remember(getCache(strapi), key, ttlSeconds, load, {
    onLookup: (result) => metrics.countCacheLookup(cacheName, result),
    onError: (error) =>
      strapi.log.warn('cache unavailable; reading from the database', {
        cache: cacheName,
        error: (error as Error).message,
      }),
  });
}
