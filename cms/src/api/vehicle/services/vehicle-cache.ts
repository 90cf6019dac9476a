import type { Core } from '@strapi/strapi';
import { cachedRead, cachedReadJson } from '../../../lib/cache/cached-read';
import { loadEnv } from '../../../lib/env';
import { cacheableSeconds, createMediaUrls } from '../../../lib/media/media-urls';
import { forgetGarage, ownerCachePrefix } from '../garage-cache';

export const CACHE_TTL_SECONDS = 5 * 60;

/**
 * How long an owner's vehicle read may be cached: a third of the life of the links it holds
 * at most (photo links live PRIVATE_PHOTO_URL_SECONDS; model pictures on a private bucket
 * S3_SIGNED_URL_EXPIRES), so a served link always has two thirds of its life left and an
 * expired link is never served.
 */
export function garageCacheSeconds(modelPictureSeconds: number, photoLinkSeconds: number) {
  return Math.min(modelPictureSeconds, cacheableSeconds(CACHE_TTL_SECONDS, photoLinkSeconds));
}

/** The cache of an owner's vehicle reads (GARAGE_CACHE=false turns it off). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const env = loadEnv();
  const enabled = env.GARAGE_CACHE;
  const ttlSeconds = garageCacheSeconds(
    createMediaUrls(strapi).cacheSeconds(CACHE_TTL_SECONDS),
    env.PRIVATE_PHOTO_URL_SECONDS,
  );

  return {
    enabled,

    listKey: (ownerId: number, locale: string, limit: number, afterId: number | null) =>
      `${ownerCachePrefix(ownerId)}list:${locale}:${limit}:${afterId ?? 'first'}`,

    vehicleKey: (ownerId: number, documentId: string, locale: string) =>
      `${ownerCachePrefix(ownerId)}one:${documentId}:${locale}`,

    /** Reads through the cache, or straight from `read` when the cache is off. */
    read<T>(key: string, read: () => Promise<T>): Promise<T> {
      return enabled ? cachedRead(strapi, 'vehicles', key, ttlSeconds, read) : read();
    },

    /** `read`, as the value's JSON text; a hit is the stored text, not parsed and serialised again. */
    async readJson<T>(key: string, read: () => Promise<T>): Promise<string> {
      return enabled
        ? cachedReadJson(strapi, 'vehicles', key, ttlSeconds, read)
        : JSON.stringify(await read());
    },

    /** Forgets every cached read of an owner's vehicles; a cache that is down only warns. */
    forget: (ownerId: number) => forgetGarage(strapi, ownerId),
  };
};
