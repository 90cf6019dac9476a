import type { Core } from '@strapi/strapi';
import { OWNER_CACHE_PREFIX } from '../auth/owner-authentication';
import { getIdentityService } from '../services';
import { getCache } from '../../../lib/infrastructure';

interface UserEvent {
  params: { data?: Record<string, unknown>; where?: { id?: number } };
  result?: { id: number };
}

function normalizeEmail(event: UserEvent): void {
  const data = event.params.data;
  if (typeof data?.email === 'string') data.email = data.email.trim().toLowerCase();
}

/**
 * Database lifecycles of owner accounts, so they hold for every writer (API, admin panel,
 * scripts): emails stored trimmed and lower-cased; a new password or a block ends every
 * session the owner has; any change drops the owner from the sign-in cache.
 */
export function subscribeOwnerLifecycles(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.user'],
    beforeCreate: normalizeEmail,
    beforeUpdate: normalizeEmail,
    async afterUpdate(event: UserEvent) {
      const data = event.params.data ?? {};
      const ownerId = event.result?.id ?? event.params.where?.id;
      if (ownerId !== undefined) await forgetSignedInOwner(strapi, ownerId);
      if (ownerId !== undefined && (data.password !== undefined || data.blocked === true)) {
        await getIdentityService(strapi, 'sessions').revokeAll(ownerId);
      }
    },
    async afterDelete(event: UserEvent) {
      const ownerId = event.result?.id ?? event.params.where?.id;
      if (ownerId !== undefined) await forgetSignedInOwner(strapi, ownerId);
    },
  });
}

async function forgetSignedInOwner(strapi: Core.Strapi, ownerId: number): Promise<void> {
  await getCache(strapi)
    .delete(`${OWNER_CACHE_PREFIX}${ownerId}`)
    .catch((error: Error) => strapi.log.warn('owner cache not cleared', { error: error.message }));
}
