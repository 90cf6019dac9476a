import type { Core } from '@strapi/strapi';
import { getService } from '../../platform/services';
import { VEHICLES_CACHE_PREFIX } from '../vehicle/services/garage';
import { CATALOG_CACHE_PREFIX } from './services/catalog';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Any write to the catalog (admin panel, seed, API) clears the cached catalog reads and the
 * garage reads that embed catalog names, so a renamed model shows on the next request.
 */
export function invalidateCatalogCacheOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid.startsWith('api::catalog.') && WRITES.has(context.action)) {
      for (const prefix of [CATALOG_CACHE_PREFIX, VEHICLES_CACHE_PREFIX]) {
        await getService(strapi, 'cache')
          .deleteByPrefix(prefix)
          .catch((error: Error) =>
            strapi.log.warn('cache not cleared', { prefix, error: error.message }),
          );
      }
    }
    return result;
  });
}
