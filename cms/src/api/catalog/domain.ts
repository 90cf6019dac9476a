import type { Domain } from '../../lib/domain';
import { invalidateCatalogCacheOnWrite } from './cache-invalidation';
import { CATALOG_READ_ACTIONS } from './permissions';

/** Makes, models and trims owners choose their vehicles from. */
export const catalogDomain: Domain = {
  name: 'catalog',
  register(strapi) {
    invalidateCatalogCacheOnWrite(strapi);
  },
  permissions: { public: CATALOG_READ_ACTIONS, owner: CATALOG_READ_ACTIONS },
};
