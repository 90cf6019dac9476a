import { z } from 'astro/zod';
import type { CmsApi, CmsResult } from '~/lib/cms-api';
import type { OwnerRequest, Page } from '~/features/garage/vehicle-api';
import { URGENCY_TIERS } from './urgency';

const reminder = z.object({
  id: z.string(),
  vehicleId: z.string().nullable(),
  kind: z.string(),
  /** What is due, in the asked language. */
  name: z.string(),
  title: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueKm: z.number().nullable(),
  recurrence: z
    .object({ everyMonths: z.number().nullable(), everyKm: z.number().nullable() })
    .nullable(),
  schedule: z.enum(['from-completion', 'fixed']),
  status: z.enum(['active', 'snoozed', 'dismissed', 'completed']),
  snoozedUntil: z.string().nullable(),
  occurrence: z.number(),
  /** When and at what odometer the last occurrence was done (none before the first). */
  lastCompletedAt: z.string().nullable(),
  lastCompletedKm: z.number().nullable(),
  tier: z.enum(URGENCY_TIERS),
  daysLeft: z.number().nullable(),
  kmLeft: z.number().nullable(),
  projection: z.object({ kmPerDay: z.number(), days: z.number(), date: z.string() }).nullable(),
  nextDue: z.object({ date: z.string().nullable(), km: z.number().nullable() }),
});

const template = z.object({
  code: z.string(),
  kind: z.string(),
  name: z.string(),
  everyKm: z.number().nullable(),
  everyMonths: z.number().nullable(),
  /** The vehicle already has an open reminder of this kind. */
  exists: z.boolean(),
});

/** One of the usual reminders for a vehicle's type (a motorcycle's oil interval is not a car's). */
export type ReminderTemplate = z.infer<typeof template>;

/** A reminder as the CMS shows it to its owner (urgency and projection computed now). */
export type Reminder = z.infer<typeof reminder>;

const one = z.object({ data: reminder });
const templateList = z.object({ data: z.array(template) });
const list = z.object({
  data: z.array(reminder),
  meta: z.object({ pagination: z.object({ nextCursor: z.string().nullish() }) }),
});

/** The largest page the CMS serves: an owner has tens of reminders. */
export const REMINDER_PAGE_SIZE = 100;

export interface ReminderListQuery {
  vehicle?: string;
  status?: 'active' | 'snoozed' | 'dismissed' | 'completed' | 'all';
  cursor?: string;
}

/** A new reminder: due by date and/or km, optionally recurring. */
export interface ReminderPayload {
  vehicleId: string;
  kind: string;
  title?: string;
  dueDate?: string;
  dueKm?: number;
  everyMonths?: number;
  everyKm?: number;
  schedule?: 'from-completion' | 'fixed';
}

/**
 * A reminder's changed due point and repetition (`PUT /api/reminders/:id`): every field is
 * sent, a cleared one as null; its vehicle does not change.
 */
export interface ReminderChanges {
  kind: string;
  title: string | null;
  dueDate: string | null;
  dueKm: number | null;
  everyMonths: number | null;
  everyKm: number | null;
  schedule: 'from-completion' | 'fixed';
}

export interface CompletionPayload {
  date?: string;
  odometerKm?: number;
}

/** The owner-scoped reminder routes, typed. */
export interface RemindersApi {
  list(owner: OwnerRequest, query?: ReminderListQuery): Promise<CmsResult<Page<Reminder>>>;
  create(owner: OwnerRequest, payload: ReminderPayload): Promise<CmsResult<Reminder>>;
  get(owner: OwnerRequest, id: string): Promise<CmsResult<Reminder>>;
  update(owner: OwnerRequest, id: string, changes: ReminderChanges): Promise<CmsResult<Reminder>>;
  snooze(owner: OwnerRequest, id: string, until: string): Promise<CmsResult<Reminder>>;
  dismiss(owner: OwnerRequest, id: string): Promise<CmsResult<Reminder>>;
  complete(
    owner: OwnerRequest,
    id: string,
    payload: CompletionPayload,
  ): Promise<CmsResult<Reminder>>;
  /** The usual reminders of the vehicle's type, and which it already has. */
  templates(owner: OwnerRequest, vehicleId: string): Promise<CmsResult<ReminderTemplate[]>>;
  /** Adds the chosen templates as reminders; kinds the vehicle already has are skipped. */
  fromTemplates(
    owner: OwnerRequest,
    vehicleId: string,
    codes: string[],
  ): Promise<CmsResult<unknown>>;
}

/** Binds the reminder routes to a CMS caller. Ids are path-encoded. */
export function createRemindersApi(call: CmsApi): RemindersApi {
  const at = (
    owner: OwnerRequest,
    path: string,
    query: Record<string, string | undefined> = {},
  ) => {
    const params = new URLSearchParams({ locale: owner.locale });
    for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
    return `${path}?${params}`;
  };
  const action = async (owner: OwnerRequest, id: string, verb: string, data?: object) => {
    const result = await call({
      method: 'POST',
      path: at(owner, `/api/reminders/${encodeURIComponent(id)}/${verb}`),
      body: data === undefined ? undefined : { data },
      schema: one,
      token: owner.accessToken,
      context: owner.context,
    });
    return result.ok ? ({ ok: true, data: result.data.data } as const) : result;
  };

  return {
    async list(owner, query = {}) {
      const result = await call({
        method: 'GET',
        path: at(owner, '/api/reminders', {
          limit: String(REMINDER_PAGE_SIZE),
          vehicle: query.vehicle,
          status: query.status,
          cursor: query.cursor,
        }),
        schema: list,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok
        ? {
            ok: true,
            data: {
              items: result.data.data,
              nextCursor: result.data.meta.pagination.nextCursor ?? null,
            },
          }
        : result;
    },
    async create(owner, payload) {
      const result = await call({
        method: 'POST',
        path: at(owner, '/api/reminders'),
        body: { data: payload },
        schema: one,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    async get(owner, id) {
      const result = await call({
        method: 'GET',
        path: at(owner, `/api/reminders/${encodeURIComponent(id)}`),
        schema: one,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    async update(owner, id, changes) {
      const result = await call({
        method: 'PUT',
        path: at(owner, `/api/reminders/${encodeURIComponent(id)}`),
        body: { data: changes },
        schema: one,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    async templates(owner, vehicleId) {
      const result = await call({
        method: 'GET',
        path: at(owner, '/api/reminder-templates', { vehicle: vehicleId }),
        schema: templateList,
        token: owner.accessToken,
        context: owner.context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    fromTemplates: (owner, vehicleId, codes) =>
      call({
        method: 'POST',
        path: at(owner, `/api/vehicles/${encodeURIComponent(vehicleId)}/reminders/from-templates`),
        body: { data: { templates: codes } },
        schema: z.unknown(),
        token: owner.accessToken,
        context: owner.context,
      }),
    snooze: (owner, id, until) => action(owner, id, 'snooze', { until }),
    dismiss: (owner, id) => action(owner, id, 'dismiss'),
    // Nothing given is no body at all: the CMS refuses an empty `{ data: {} }`.
    complete: (owner, id, payload) =>
      action(owner, id, 'complete', Object.keys(payload).length > 0 ? payload : undefined),
  };
}

/** The most urgent open reminder of each vehicle, from one list of the owner's reminders. */
export function nextReminderByVehicle(reminders: Reminder[]): Map<string, Reminder> {
  const next = new Map<string, Reminder>();
  // The CMS lists the most urgent first: the first seen per vehicle is its next one.
  for (const item of reminders) {
    if (item.vehicleId && !next.has(item.vehicleId)) next.set(item.vehicleId, item);
  }
  return next;
}
