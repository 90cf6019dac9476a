import { cmsApi } from '~/lib/cms';
import { createProfileApi } from './profile-api';
import { createCachedProfileApi } from './profile-cache';

/**
 * The CMS's profile routes, bound to the configured CMS, with the short-lived per-session copy
 * the session middleware reads (`forSession`).
 */
export const profileApi = createCachedProfileApi(createProfileApi(cmsApi));
