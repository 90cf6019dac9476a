import type { Core } from '@strapi/strapi';
import { cachedRead } from '../../../lib/cache/cached-read';
import { loadEnv } from '../../../lib/env';
import { createMediaUrls } from '../../../lib/media/media-urls';
import { forgetGarage, ownerCachePrefix } from '../garage-cache';

const CACHE_TTL_SECONDS = 5 * 60;

/**
 * The cache of an owner's vehicle reads (GARAGE_CACHE=false turns it off). Entries holding
 * signed photo URLs live at most a third of the URLs' life (see media-urls).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const enabled = loadEnv().GARAGE_CACHE;
  const media = createMediaUrls(strapi);

  return {
    enabled,

    listKey: (ownerId: number, locale: string, limit: number, afterId: number | null) =>
      `${ownerCachePrefix(ownerId)}list:${locale}:${limit}:${afterId ?? 'first'}`,

    vehicleKey: (ownerId: number, documentId: string, locale: string) =>
      `${ownerCachePrefix(ownerId)}one:${documentId}:${locale}`,

    /** Reads through the cache, or straight from `read` when the cache is off. */
    read<T>(key: string, read: () => Promise<T>): Promise<T> {
      return enabled
        ? cachedRead(strapi, 'vehicles', key, media.cacheSeconds(CACHE_TTL_SECONDS), read)
        : read();
    },

    /** Forgets every cached read of an owner's vehicles; a cache that is down only warns. */
    forget: (ownerId: number) => forgetGarage(strapi, ownerId),
  };
};
