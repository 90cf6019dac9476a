import { z } from 'astro/zod';
import type { CmsApi, CmsResult } from '~/lib/cms-api';
import type { OwnerRequest } from '~/features/garage/vehicle-api';

/** A recall's severity, least severe first. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the owner says about a recall for one vehicle. */
export const RECALL_STATUSES = ['possible', 'acknowledged', 'fixed'] as const;
export type RecallStatus = (typeof RECALL_STATUSES)[number];

const named = z.object({ id: z.string(), name: z.string() });

const item = z.object({
  recall: z.object({
    id: z.string(),
    campaignId: z.string(),
    title: z.string(),
    summary: z.string().nullish(),
    make: named,
    model: named.nullable(),
    yearFrom: z.number(),
    yearTo: z.number(),
    severity: z.enum(SEVERITIES),
    remedy: z.string().nullish(),
    sourceUrl: z.string().nullable(),
    publishedAt: z.string(),
  }),
  vehicle: z.object({
    id: z.string(),
    registrationNumber: z.string().nullish(),
    label: z.string(),
  }),
  status: z.enum(RECALL_STATUSES),
  statusUpdatedAt: z.string().nullable(),
});

// Built once, not on every call.
const itemList = z.object({ data: z.array(item) });
const oneItem = z.object({ data: item });

/** One recall as it concerns one of the owner's vehicles, with the owner's status. */
export type VehicleRecall = z.infer<typeof item>;

/** The owner's recall routes, typed. */
export interface RecallsApi {
  /** Open recalls matching the owner's vehicles (one vehicle's when asked), most severe first. */
  mine(owner: OwnerRequest, vehicleId?: string): Promise<CmsResult<VehicleRecall[]>>;
  setStatus(
    owner: OwnerRequest,
    recallId: string,
    vehicleId: string,
    status: RecallStatus,
  ): Promise<CmsResult<VehicleRecall>>;
}

/** Binds the recall routes to a CMS caller. Ids are path-encoded. */
export function createRecallsApi(call: CmsApi): RecallsApi {
  return {
    async mine(owner, vehicleId) {
      const params = new URLSearchParams({ locale: owner.locale });
      if (vehicleId) params.set('vehicle', vehicleId);
      const result = await call({
        method: 'GET',
        path: `/api/recalls/mine?${params}`,
        schema: itemList,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: sortBySeverity(result.data.data) } : result;
    },
    async setStatus(owner, recallId, vehicleId, status) {
      const result = await call({
        method: 'PUT',
        path: `/api/recalls/${encodeURIComponent(recallId)}/vehicles/${encodeURIComponent(vehicleId)}?${new URLSearchParams({ locale: owner.locale })}`,
        body: { data: { status } },
        schema: oneItem,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
  };
}

/**
 * Most severe first, then newest, as the CMS orders them; sorted again here (stable) so a panel
 * never depends on it.
 */
export function sortBySeverity(items: VehicleRecall[]): VehicleRecall[] {
  const rank = (value: VehicleRecall) => SEVERITIES.indexOf(value.recall.severity);
  return [...items].sort(
    (a, b) =>
      rank(b) - rank(a) || Date.parse(b.recall.publishedAt) - Date.parse(a.recall.publishedAt),
  );
}

/** Whether a recall still needs the owner's attention (not fixed). */
export const isOpen = (value: VehicleRecall) => value.status !== 'fixed';
