import { cmsApi } from '~/lib/cms';
import { createCentersApi } from './centers-api';

/** The CMS's service-center routes (public list and pages, owner's saved centers). */
export const centersApi = createCentersApi(cmsApi);
