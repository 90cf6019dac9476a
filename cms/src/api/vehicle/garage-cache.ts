import type { Core } from '@strapi/strapi';
import { getCache } from '../../lib/infrastructure';
import { CATALOG_UID_PREFIX, CATALOG_WRITES } from '../catalog/catalog-uids';

/** Every cached read of an owner's garage starts with this, so one write clears them all. */
export const ownerCachePrefix = (ownerId: number) => `vehicles:owner:${ownerId}:`;
export const VEHICLES_CACHE_PREFIX = 'vehicles:';

/** Forgets every cached read of an owner's garage; a cache that is down only warns. */
export async function forgetGarage(strapi: Core.Strapi, ownerId: number): Promise<void> {
  await getCache(strapi)
    .deleteByPrefix(ownerCachePrefix(ownerId))
    .catch((error: Error) => strapi.log.warn('garage cache not cleared', { error: error.message }));
}

/**
 * Garage reads embed catalog names: any write to the catalog (admin panel, seed, API)
 * clears them, so a renamed model shows on the next request.
 */
export function forgetGaragesOnCatalogWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid.startsWith(CATALOG_UID_PREFIX) && CATALOG_WRITES.has(context.action)) {
      await getCache(strapi)
        .deleteByPrefix(VEHICLES_CACHE_PREFIX)
        .catch((error: Error) =>
          strapi.log.warn('cache not cleared', {
            prefix: VEHICLES_CACHE_PREFIX,
            error: error.message,
          }),
        );
    }
    return result;
  });
}
