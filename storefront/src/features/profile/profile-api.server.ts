import { cmsApi } from '~/lib/cms';
import { createProfileApi } from './profile-api';

/** The CMS's profile routes, bound to the configured CMS. */
export const profileApi = createProfileApi(cmsApi);
