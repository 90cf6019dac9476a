import type { Core } from '@strapi/strapi';
import { getService } from '../../platform/services';
import { CATALOG_CACHE_PREFIX } from './services/catalog';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Any write to the catalog (admin panel, seed, API) clears the cached catalog reads, so a
 * renamed model shows its new name on the next request.
 */
export function invalidateCatalogCacheOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid.startsWith('api::catalog.') && WRITES.has(context.action)) {
      await getService(strapi, 'cache')
        .deleteByPrefix(CATALOG_CACHE_PREFIX)
        .catch((error: Error) =>
          strapi.log.warn('catalog cache not cleared', { error: error.message }),
        );
    }
    return result;
  });
}
