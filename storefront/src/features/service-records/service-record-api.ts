import { z } from 'astro/zod';
import type { CmsApi, CmsResult } from '~/lib/cms-api';
import type { OwnerRequest } from '~/features/garage/vehicle-api';

export const SERVICE_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const LINE_ITEM_CATEGORIES = ['parts', 'labour', 'other'] as const;
export type LineItemCategory = (typeof LINE_ITEM_CATEGORIES)[number];

const lineItem = z.object({
  label: z.string(),
  category: z.enum(LINE_ITEM_CATEGORIES).catch('other'),
  quantity: z.number(),
  unitPricePaisa: z.number().int(),
  amountPaisa: z.number().int(),
});

const serviceRecord = z.object({
  id: z.string(),
  vehicleId: z.string(),
  status: z.enum(SERVICE_STATUSES),
  /** When it happened (completed) or is planned (otherwise). */
  date: z.string(),
  scheduledAt: z.string().nullish(),
  completedAt: z.string().nullish(),
  kind: z.string(),
  kindName: z.string().optional(),
  kindLabel: z.string().nullish(),
  odometerKm: z.number().nullish(),
  costPaisa: z.number().int().nullish(),
  lineItems: z.array(lineItem).default([]),
  centerName: z.string().nullish(),
  notes: z.string().nullish(),
});

const spending = z.object({
  totalPaisa: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), totalPaisa: z.number().int() })),
  byKind: z.array(z.object({ kind: z.string(), totalPaisa: z.number().int() })),
  costPerKmPaisa: z.number().nullish(),
  kmDriven: z.number().nullish(),
});

const page = z.object({
  data: z.array(serviceRecord),
  meta: z
    .object({ pagination: z.object({ nextCursor: z.string().nullish() }).passthrough() })
    .default({ pagination: { nextCursor: null } }),
});

const one = <T extends z.ZodTypeAny>(item: T) => z.object({ data: item });

/** A service of a vehicle as the CMS answers it; money in integer paisa. */
export type ServiceRecord = z.infer<typeof serviceRecord>;
/** One line of a service's bill. */
export type LineItem = z.infer<typeof lineItem>;
/** A vehicle's spending: the last twelve months, by kind, cost per km (paisa). */
export type Spending = z.infer<typeof spending>;

/** A service to plan (`POST /service-records`). */
export interface NewServicePayload {
  vehicleId: string;
  scheduledAt: string;
  kind: string;
  kindLabel?: string | null;
  centerName?: string | null;
  notes?: string | null;
}

/** A change of a scheduled service (`PUT`); a completed one takes notes and bill only. */
export type ServiceChangePayload = Partial<Omit<NewServicePayload, 'vehicleId'>> & {
  costPaisa?: number | null;
  lineItems?: LineItem[];
};

/** Completing a service: when, at what odometer, what it cost. */
export interface CompletionPayload {
  completedAt: string;
  odometerKm?: number;
  odometerCorrection?: boolean;
  costPaisa?: number;
  lineItems?: LineItem[];
  centerName?: string | null;
  notes?: string | null;
}

/** Which records to list. */
export interface RecordQuery {
  vehicle?: string;
  status?: ServiceStatus;
  /** Days `YYYY-MM-DD` in Nepal, both included. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** The owner's service-record and spending routes, typed. */
export interface ServiceRecordApi {
  list(
    owner: OwnerRequest,
    query: RecordQuery,
  ): Promise<CmsResult<{ items: ServiceRecord[]; nextCursor: string | null }>>;
  get(owner: OwnerRequest, id: string): Promise<CmsResult<ServiceRecord>>;
  /** `idempotencyKey` makes a repeated submit answer the first record instead of a second. */
  create(
    owner: OwnerRequest,
    payload: NewServicePayload,
    idempotencyKey: string,
  ): Promise<CmsResult<ServiceRecord>>;
  update(
    owner: OwnerRequest,
    id: string,
    payload: ServiceChangePayload,
  ): Promise<CmsResult<ServiceRecord>>;
  complete(
    owner: OwnerRequest,
    id: string,
    payload: CompletionPayload,
  ): Promise<CmsResult<ServiceRecord>>;
  cancel(owner: OwnerRequest, id: string): Promise<CmsResult<ServiceRecord>>;
  spending(owner: OwnerRequest, vehicleId: string): Promise<CmsResult<Spending>>;
}

/** The path of a records list with its filters and `locale`. */
export function recordsPath(locale: string, query: RecordQuery): string {
  const params = new URLSearchParams({ locale });
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return `/api/service-records?${params}`;
}

/** Binds the service-record routes to a CMS caller. Ids are path-encoded. */
export function createServiceRecordApi(call: CmsApi): ServiceRecordApi {
  const recordPath = (owner: OwnerRequest, id: string, action = '') =>
    `/api/service-records/${encodeURIComponent(id)}${action}?locale=${owner.locale}`;
  const send = async <T>(
    owner: OwnerRequest,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: z.ZodType<{ data: T }, z.ZodTypeDef, unknown>,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<CmsResult<T>> => {
    const result = await call({
      method,
      path,
      schema,
      body,
      headers,
      token: owner.accessToken,
      context: owner.context,
    });
    return result.ok ? { ok: true, data: result.data.data } : result;
  };

  return {
    list: async (owner, query) => {
      const result = await call({
        method: 'GET',
        path: recordsPath(owner.locale, query),
        schema: page,
        token: owner.accessToken,
        context: owner.context,
      });
      if (!result.ok) return result;
      const nextCursor = result.data.meta.pagination.nextCursor ?? null;
      return { ok: true, data: { items: result.data.data, nextCursor } };
    },
    get: (owner, id) => send(owner, 'GET', recordPath(owner, id), one(serviceRecord)),
    create: (owner, payload, idempotencyKey) =>
      send(
        owner,
        'POST',
        `/api/service-records?locale=${owner.locale}`,
        one(serviceRecord),
        { data: payload },
        { 'Idempotency-Key': idempotencyKey },
      ),
    update: (owner, id, payload) =>
      send(owner, 'PUT', recordPath(owner, id), one(serviceRecord), { data: payload }),
    complete: (owner, id, payload) =>
      send(owner, 'POST', recordPath(owner, id, '/complete'), one(serviceRecord), {
        data: payload,
      }),
    cancel: (owner, id) =>
      send(owner, 'POST', recordPath(owner, id, '/cancel'), one(serviceRecord)),
    spending: (owner, vehicleId) =>
      send(
        owner,
        'GET',
        `/api/vehicles/${encodeURIComponent(vehicleId)}/spending?locale=${owner.locale}`,
        one(spending),
      ),
  };
}
