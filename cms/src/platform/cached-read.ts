import type { Core } from '@strapi/strapi';
import { remember } from './cache';
import { getService } from './services';

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
  const metrics = getService(strapi, 'metrics');
  return remember(getService(strapi, 'cache'), key, ttlSeconds, load, {
    onLookup: (result) => metrics.countCacheLookup(cacheName, result),
    onError: (error) =>
      strapi.log.warn('cache unavailable; reading from the database', {
        cache: cacheName,
        error: (error as Error).message,
      }),
  });
}
