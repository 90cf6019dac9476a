import { cmsApi } from '~/lib/cms';
import { createCatalogApi } from './catalog-api';

/** The CMS's public catalog routes, bound to the configured CMS. */
export const catalogApi = createCatalogApi(cmsApi);
