import type { Core } from '@strapi/strapi';
import { remember, rememberJson, type RememberOptions } from './';
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
  return remember(getCache(strapi), key, ttlSeconds, load, readOptions(strapi, cacheName));
}

/** `cachedRead`, answering with the value's JSON text (a hit is not parsed): for bodies sent as they are. */
export function cachedReadJson<T>(
  strapi: Core.Strapi,
  cacheName: string,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
): Promise<string> {
  return rememberJson(getCache(strapi), key, ttlSeconds, load, readOptions(strapi, cacheName));
}

function readOptions(strapi: Core.Strapi, cacheName: string): RememberOptions {
  const metrics = getMetrics(strapi);
  return {
    onLookup: (result) => metrics.countCacheLookup(cacheName, result),
    onError: (error) =>
      strapi.log.warn('cache unavailable; reading from the database', {
        cache: cacheName,
        error: (error as Error).message,
      }),
  };
}
