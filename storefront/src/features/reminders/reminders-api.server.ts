import { cmsApi } from '~/lib/cms';
import { createRemindersApi } from './reminders-api';

/** The CMS's owner-scoped reminder routes, bound to the configured CMS. */
export const remindersApi = createRemindersApi(cmsApi);
