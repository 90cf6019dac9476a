import type { Domain } from '../../lib/domain';
import { GARAGE_OWNER_ACTIONS } from './permissions';

/**
 * An owner's garage overview as a whole: what the portal's garage page is made of (vehicles,
 * reminders, recalls), read from the domains that own them.
 */
export const garageDomain: Domain = {
  name: 'garage',
  permissions: { owner: GARAGE_OWNER_ACTIONS },
};
