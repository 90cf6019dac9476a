import type { Domain } from '../../lib/domain';
import { subscribeOwnerLifecycles } from './lifecycles/owner-lifecycles';
import { subscribeSessionLifecycles } from './lifecycles/session-lifecycles';
import { ensureSignInIndexes } from './rules/sign-in-account';
import { IDENTITY_OWNER_ACTIONS, IDENTITY_PUBLIC_ACTIONS } from './permissions';

/**
 * Owners' accounts and sessions. The users-permissions plugin is wired to this domain in
 * src/extensions/users-permissions/strapi-server.ts (strategy, route guards).
 */
export const identityDomain: Domain = {
  name: 'identity',
  register(strapi) {
    subscribeOwnerLifecycles(strapi);
    subscribeSessionLifecycles(strapi);
  },
  async bootstrap(strapi) {
    await ensureSignInIndexes(strapi);
  },
  permissions: { public: IDENTITY_PUBLIC_ACTIONS, owner: IDENTITY_OWNER_ACTIONS },
};
