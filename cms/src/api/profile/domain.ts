import type { Domain } from '../../lib/domain';
import { PROFILE_OWNER_ACTIONS } from './permissions';

/**
 * The owner's profile (display name, preferred language): its own API, as `profile` names
 * its routes' OpenAPI tags and permission actions.
 */
export const profileDomain: Domain = {
  name: 'profile',
  permissions: { owner: PROFILE_OWNER_ACTIONS },
};
