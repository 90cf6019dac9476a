import type { Core } from '@strapi/strapi';
import { createCache, type Cache } from '.';
import { loadEnv } from '../env';

/**
 * The shared cache of this instance: Redis when REDIS_URL is set, in-process otherwise.
 * Features read through it with `remember()` and invalidate with `deleteByPrefix()`.
 */
export default ({ strapi }: { strapi: Core.Strapi }): Cache => {
  const env = loadEnv();
  return createCache({
    redisUrl: env.REDIS_URL,
    prefix: env.CACHE_PREFIX,
    onError: (error) => strapi.log.warn('cache error', { error: error.message }),
  });
};
