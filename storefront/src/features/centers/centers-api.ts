import { z } from 'astro/zod';
import type { CmsApi, CmsCallContext, CmsResult } from '~/lib/cms-api';
import type { OwnerRequest, Page } from '~/features/garage/vehicle-api';

const photo = z.object({ url: z.string(), alternativeText: z.string().nullish() });

const summaryShape = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  address: z.string().nullish(),
  city: z.string().nullish(),
  district: z.object({ code: z.string(), name: z.string() }),
  province: z.object({ code: z.string(), name: z.string() }),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  distanceKm: z.number().nullable(),
  phone: z.string().nullable(),
  openNow: z.boolean().nullable(),
  services: z.array(z.string()),
  makes: z.array(z.object({ id: z.string(), name: z.string() })),
  photo: photo.nullable(),
  sample: z.boolean(),
};

const summary = z.object(summaryShape);
const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };

const detail = z.object({
  ...summaryShape,
  description: z.string().nullable(),
  openingHours: z.array(
    z.object({
      day: z.enum(WEEKDAYS),
      opens: z.string().regex(/^\d{2}:\d{2}$/),
      closes: z.string().regex(/^\d{2}:\d{2}$/),
    }),
  ),
  photos: z.array(photo),
});
const saved = z.object({ ...summaryShape, savedAt: z.string() });

/** A service center as the finder lists it (CONTRACTS.md: CenterSummary). */
export type CenterSummary = z.infer<typeof summary>;
/** A center's page: the summary, its description, opening hours and photos. */
export type CenterDetail = z.infer<typeof detail>;
/** A center an owner saved, and when. */
export type SavedCenter = z.infer<typeof saved>;

const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    data: z.array(item),
    meta: z.object({ pagination: z.object({ nextCursor: z.string().nullish() }) }),
  });
const centerPage = pageOf(summary);
const savedPage = pageOf(saved);

/** How many centers one page of the finder shows. */
export const CENTER_PAGE_SIZE = 20;
/** The most saved centers the portal reads at once (to mark "saved" on the finder). */
export const SAVED_PAGE_SIZE = 100;

/** What the finder asks the CMS for; every field already validated (finder-query.ts). */
export interface CenterListQuery {
  near?: { lat: number; lng: number };
  radiusKm?: number;
  district?: string;
  service?: string;
  make?: string;
  openNow?: boolean;
  cursor?: string;
  limit?: number;
}

/** A visitor's or owner's request: the language asked for, and the owner's token if any. */
export interface VisitorRequest {
  locale: string;
  context: CmsCallContext;
  accessToken?: string;
}

/** The CMS path (with query) of one page of centers. */
export function centerListPath(locale: string, query: CenterListQuery): string {
  const params = new URLSearchParams({ locale });
  if (query.near) params.set('near', `${query.near.lat},${query.near.lng}`);
  if (query.near && query.radiusKm !== undefined) params.set('radiusKm', String(query.radiusKm));
  if (query.district) params.set('district', query.district);
  if (query.service) params.set('service', query.service);
  if (query.make) params.set('make', query.make);
  if (query.openNow) params.set('openNow', 'true');
  params.set('limit', String(query.limit ?? CENTER_PAGE_SIZE));
  if (query.cursor) params.set('cursor', query.cursor);
  return `/api/service-centers?${params}`;
}

export interface CentersApi {
  list(visitor: VisitorRequest, query: CenterListQuery): Promise<CmsResult<Page<CenterSummary>>>;
  /** One published center by document id or slug (404 when unknown or unpublished). */
  get(visitor: VisitorRequest, idOrSlug: string): Promise<CmsResult<CenterDetail>>;
  saved(owner: OwnerRequest, cursor?: string): Promise<CmsResult<Page<SavedCenter>>>;
  save(owner: OwnerRequest, centerId: string): Promise<CmsResult<SavedCenter>>;
  unsave(owner: OwnerRequest, centerId: string): Promise<CmsResult<unknown>>;
}

/** Binds the service-center routes to a CMS caller. Ids are path-encoded. */
export function createCentersApi(call: CmsApi): CentersApi {
  const pageFrom = <T>(data: {
    data: T[];
    meta: { pagination: { nextCursor?: string | null } };
  }) => ({
    items: data.data,
    nextCursor: data.meta.pagination.nextCursor ?? null,
  });
  return {
    async list(visitor, query) {
      const result = await call({
        method: 'GET',
        path: centerListPath(visitor.locale, query),
        schema: centerPage,
        token: visitor.accessToken,
        context: visitor.context,
      });
      return result.ok ? { ok: true, data: pageFrom(result.data) } : result;
    },
    async get(visitor, idOrSlug) {
      const result = await call({
        method: 'GET',
        path: `/api/service-centers/${encodeURIComponent(idOrSlug)}?${new URLSearchParams({ locale: visitor.locale })}`,
        schema: z.object({ data: detail }),
        token: visitor.accessToken,
        context: visitor.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    async saved(owner, cursor) {
      const params = new URLSearchParams({ locale: owner.locale, limit: String(SAVED_PAGE_SIZE) });
      if (cursor) params.set('cursor', cursor);
      const result = await call({
        method: 'GET',
        path: `/api/saved-centers?${params}`,
        schema: savedPage,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: pageFrom(result.data) } : result;
    },
    async save(owner, centerId) {
      const result = await call({
        method: 'POST',
        path: `/api/saved-centers?${new URLSearchParams({ locale: owner.locale })}`,
        body: { data: { center: centerId } },
        schema: z.object({ data: saved }),
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    unsave: (owner, centerId) =>
      call({
        method: 'DELETE',
        path: `/api/saved-centers/${encodeURIComponent(centerId)}`,
        schema: z.unknown(),
        token: owner.accessToken,
        context: owner.context,
      }),
  };
}
