import type { Core } from '@strapi/strapi';
import { getIdentityService } from '../services';

interface SessionEvent {
  params: { where?: Record<string, unknown> };
  state: { sessionIds?: string[] };
}

async function sessionIdsMatching(strapi: Core.Strapi, event: SessionEvent): Promise<void> {
  const rows = (await strapi.db
    .query('admin::session')
    .findMany({ where: event.params.where ?? {}, select: ['sessionId'] })) as Array<{
    sessionId: string;
  }>;
  event.state.sessionIds = rows.map((row) => row.sessionId);
}

async function markRevoked(strapi: Core.Strapi, event: SessionEvent): Promise<void> {
  if (event.state.sessionIds?.length) {
    await getIdentityService(strapi, 'sessions').markRevoked(event.state.sessionIds);
  }
}

/**
 * Every deletion of a session row, whoever makes it (our revocations, stock logout, session
 * cleanup), tombstones those sessions in the shared cache, so cached "live" answers end at
 * once on every instance.
 */
export function subscribeSessionLifecycles(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::session'],
    beforeDelete: (event: SessionEvent) => sessionIdsMatching(strapi, event),
    beforeDeleteMany: (event: SessionEvent) => sessionIdsMatching(strapi, event),
    afterDelete: (event: SessionEvent) => markRevoked(strapi, event),
    afterDeleteMany: (event: SessionEvent) => markRevoked(strapi, event),
  });
}
