import { cmsApi } from '~/lib/cms';
import { createServiceRecordApi } from './service-record-api';

/** The CMS's owner-scoped service-record routes, bound to the configured CMS. */
export const serviceRecordApi = createServiceRecordApi(cmsApi);
