import type { Core } from '@strapi/strapi';
import { CLOSED_RECALL_STATUSES, DAY_MS, DELIVERIES_TABLE, UIDS } from './constants';

type Where = Record<string, unknown>;
type Attributes = Record<string, { type?: string; enum?: string[] }>;

export interface HomeStats {
  owners: { total: number; newThisWeek: number };
  vehicles: { total: number };
  servicesDue: { thisWeek: number };
  deliveries: { sent: number; failed: number } | null;
  /** Open recalls by status; null while the recalls content type does not exist. */
  recalls: { total: number; byStatus: Record<string, number> } | null;
  /** null while the service centers have no `needsCoordinates` flag. */
  centers: { needsCoordinates: number } | null;
  /** The window the weekly figures cover (ISO instants), for the links' filters. */
  window: { weekAgo: string; now: string; weekAhead: string };
}

const attributesOf = (strapi: Core.Strapi, uid: string): Attributes | null => {
  const contentType = (
    strapi.contentTypes as unknown as Record<string, { attributes: Attributes }>
  )[uid];
  return contentType ? contentType.attributes : null;
};

const hasDraftAndPublish = (strapi: Core.Strapi, uid: string) =>
  Boolean(
    (strapi.contentTypes as unknown as Record<string, { options?: { draftAndPublish?: boolean } }>)[
      uid
    ]?.options?.draftAndPublish,
  );

/**
 * Rows counted once per document: with draft and publish, the draft row (every document has
 * one) unless `published` asks for the live version.
 */
function documentScope(strapi: Core.Strapi, uid: string, published = false): Where {
  if (!hasDraftAndPublish(strapi, uid)) return {};
  return { publishedAt: published ? { $notNull: true } : { $null: true } };
}

async function count(strapi: Core.Strapi, uid: string, where: Where): Promise<number> {
  return Number(await strapi.db.query(uid).count({ where }));
}

/** The homepage figures, read at run time from whatever tables exist. */
export async function homeStats(strapi: Core.Strapi, now = new Date()): Promise<HomeStats> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const weekAhead = new Date(now.getTime() + 7 * DAY_MS);

  const [ownersTotal, ownersNew, vehicles, servicesDue, deliveries, recalls, centers] =
    await Promise.all([
      count(strapi, UIDS.owner, {}),
      count(strapi, UIDS.owner, { createdAt: { $gte: weekAgo } }),
      count(strapi, UIDS.vehicle, {}),
      attributesOf(strapi, UIDS.serviceRecord)
        ? count(strapi, UIDS.serviceRecord, {
            status: 'scheduled',
            scheduledAt: { $gte: now, $lt: weekAhead },
          })
        : Promise.resolve(0),
      deliveryCounts(strapi, weekAgo),
      recallCounts(strapi),
      centerCounts(strapi),
    ]);

  return {
    owners: { total: ownersTotal, newThisWeek: ownersNew },
    vehicles: { total: vehicles },
    servicesDue: { thisWeek: servicesDue },
    deliveries,
    recalls,
    centers,
    window: {
      weekAgo: weekAgo.toISOString(),
      now: now.toISOString(),
      weekAhead: weekAhead.toISOString(),
    },
  };
}

async function deliveryCounts(strapi: Core.Strapi, since: Date) {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(DELIVERIES_TABLE))) return null;
  const [row] = await knex(DELIVERIES_TABLE)
    .where('updated_at', '>=', since)
    .select(
      knex.raw(`count(*) filter (where status = 'sent' and sent_at >= ?) as sent`, [since]),
      knex.raw(`count(*) filter (where status = 'failed') as failed`),
    );
  return { sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0) };
}

async function recallCounts(strapi: Core.Strapi) {
  const attributes = attributesOf(strapi, UIDS.recall);
  if (!attributes?.status) return null;
  const byStatus: Record<string, number> = {};
  // Recalls are few (tens a year): the live rows' statuses are counted here.
  const rows = (await strapi.db.query(UIDS.recall).findMany({
    select: ['status'],
    where: documentScope(strapi, UIDS.recall, true),
  })) as Array<{ status: string | null }>;
  for (const status of attributes.status.enum ?? []) {
    if (!CLOSED_RECALL_STATUSES.includes(status)) byStatus[status] = 0;
  }
  for (const { status } of rows) {
    if (!status || CLOSED_RECALL_STATUSES.includes(status)) continue;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  const total = Object.values(byStatus).reduce((sum, value) => sum + value, 0);
  return { total, byStatus };
}

async function centerCounts(strapi: Core.Strapi) {
  const attributes = attributesOf(strapi, UIDS.center);
  if (!attributes?.needsCoordinates) return null;
  return {
    needsCoordinates: await count(strapi, UIDS.center, {
      needsCoordinates: true,
      ...documentScope(strapi, UIDS.center),
    }),
  };
}
