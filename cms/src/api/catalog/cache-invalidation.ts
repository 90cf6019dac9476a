import type { Core } from '@strapi/strapi';
import { getCache } from '../../lib/infrastructure';
import { CATALOG_UID_PREFIX, CATALOG_WRITES } from './catalog-uids';
import { CATALOG_CACHE_PREFIX } from './services/catalog';

const generations = new WeakMap<Core.Strapi, number>();

/**
 * How many catalog writes this process has seen: a copy of catalog reads kept in process
 * (the finder's make names) is good while this number has not moved. It moves after the
 * shared cache is cleared, so a copy read from it in between is dropped too.
 */
export function catalogGeneration(strapi: Core.Strapi): number {
  return generations.get(strapi) ?? 0;
}

/**
 * Any write to the catalog (admin panel, seed, API) clears the cached catalog reads. Domains
 * that embed catalog names in their own cached reads clear those themselves (the vehicle
 * domain: api/vehicle/garage-cache.ts).
 */
export function invalidateCatalogCacheOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid.startsWith(CATALOG_UID_PREFIX) && CATALOG_WRITES.has(context.action)) {
      await getCache(strapi)
        .deleteByPrefix(CATALOG_CACHE_PREFIX)
        .catch((error: Error) =>
          strapi.log.warn('cache not cleared', {
            prefix: CATALOG_CACHE_PREFIX,
            error: error.message,
          }),
        );
      generations.set(strapi, catalogGeneration(strapi) + 1);
    }
    return result;
  });
}
