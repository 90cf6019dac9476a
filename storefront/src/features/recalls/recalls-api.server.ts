import { cmsApi } from '~/lib/cms';
import { createRecallsApi } from './recalls-api';

/** The CMS's owner-scoped recall routes, bound to the configured CMS. */
export const recallsApi = createRecallsApi(cmsApi);
