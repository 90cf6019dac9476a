import type { Core } from '@strapi/strapi';
import { clearable } from '../../../lib/documents';
import { loadEnv } from '../../../lib/env';
import { Conflict, InvalidField, NotFound } from '../../../lib/errors';
import { createCursorCodec, type Page, type PageQuery } from '../../../lib/pagination';
import { serviceGetter } from '../../../lib/services';
import { findOwnedVehicle } from '../../vehicle/owned-vehicles';
import { URGENCY_TIERS, type UrgencyTier } from '../rules/urgency';
import { nepalToday } from '../rules/calendar';
import { reminderConfig } from '../reminder-config';
import type { CompleteInput, NewReminderInput, ReminderChangeInput } from '../reminder-input';
import {
  notificationColumns,
  REMINDER_UID,
  type ReminderRow,
  type ReminderStatus,
} from '../reminder-rows';
import type reminderLifecycle from './reminder-lifecycle';
import type reminderViews from './reminder-views';
import type { ReminderView } from './reminder-views';

const sibling = serviceGetter<{
  'reminder-lifecycle': typeof reminderLifecycle;
  'reminder-views': typeof reminderViews;
}>('reminder');

export interface ReminderListQuery extends PageQuery {
  vehicle?: string;
  status?: ReminderStatus | 'all';
  tier?: UrgencyTier;
}

/** The fields of a reminder an owner writes, after defaults. */
type ReminderFields = Omit<NewReminderInput, 'vehicleId'>;

/** Refuses a reminder that is due by nothing, or an `other` one that says not what. */
function assertDuePoint(fields: ReminderFields) {
  if ((fields.dueDate ?? null) === null && (fields.dueKm ?? null) === null) {
    throw new InvalidField(
      'dueDate',
      'or dueKm must be set: a reminder is due by a date, a km reading or both',
    );
  }
  if (fields.kind === 'other' && !fields.title) {
    throw new InvalidField('title', 'is needed for a reminder of kind other');
  }
}

const tierRank = (tier: UrgencyTier) => URGENCY_TIERS.indexOf(tier);

/** Most urgent first; then the soonest due; then the oldest. */
function byUrgency(a: ReminderView, b: ReminderView) {
  return (
    tierRank(b.tier) - tierRank(a.tier) ||
    (a.nextDue.date ?? '9999').localeCompare(b.nextDue.date ?? '9999') ||
    (a.kmLeft ?? Infinity) - (b.kmLeft ?? Infinity) ||
    a.id.localeCompare(b.id)
  );
}

/** An owner's reminders: list, read, write, and the moves of their life (404 unless theirs). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(REMINDER_UID);
  const lifecycle = () => sibling(strapi, 'reminder-lifecycle');
  const present = (list: ReminderRow[], locale: string) =>
    sibling(strapi, 'reminder-views').present(list, locale);
  const presentOne = async (row: ReminderRow, locale: string) => (await present([row], locale))[0];
  const cursors = createCursorCodec(`reminders:${loadEnv().appKeys[0]}`);

  async function owned(ownerId: number, documentId: string): Promise<ReminderRow> {
    const row = (await rows().findOne({ where: { documentId, ownerId } })) as ReminderRow | null;
    if (!row) throw new NotFound('Reminder not found');
    return row;
  }

  async function findOne(ownerId: number, documentId: string, locale: string) {
    return presentOne(await owned(ownerId, documentId), locale);
  }

  /** Stores a new reminder; the caller has checked ownership and input. */
  async function insert(
    ownerId: number,
    vehicleId: string | null,
    fields: ReminderFields & { documentKind?: string | null },
    source: string,
  ): Promise<ReminderRow> {
    const data = {
      ownerId,
      vehicleId,
      kind: fields.kind,
      title: fields.title ?? null,
      dueDate: fields.dueDate ?? null,
      dueKm: fields.dueKm ?? null,
      everyMonths: fields.everyMonths ?? null,
      everyKm: fields.everyKm ?? null,
      schedule: fields.schedule ?? ('from-completion' as const),
      status: 'active' as const,
      occurrence: 1,
      notifiedOccurrence: 0,
      source,
      documentKind: fields.documentKind ?? null,
      notifyDaysBefore: fields.notifyDaysBefore ?? null,
      notifyKmBefore: fields.notifyKmBefore ?? null,
    };
    const created = await strapi.documents(REMINDER_UID).create({
      data: clearable(REMINDER_UID, { ...data, ...notificationColumns(data, reminderConfig()) }),
    });
    return (await rows().findOne({ where: { documentId: created.documentId } })) as ReminderRow;
  }

  async function vehicleOdometer(vehicleId: string | null): Promise<number | null> {
    if (!vehicleId) return null;
    const vehicle = (await strapi.db.query('api::vehicle.vehicle').findOne({
      where: { documentId: vehicleId },
      select: ['odometerKm'],
    })) as { odometerKm: number | null } | null;
    return vehicle?.odometerKm ?? null;
  }

  return {
    owned,
    insert,
    vehicleOdometer,
    findOne,

    /**
     * The owner's reminders, most urgent first. By default the open ones (a snooze that has
     * run out counts as open again); `status` picks one status or `all`. Tiers are computed,
     * so the list is ordered and paged in memory: an owner has tens of reminders, not
     * thousands.
     */
    async list(
      ownerId: number,
      query: ReminderListQuery,
      locale: string,
    ): Promise<Page<ReminderView>> {
      if (query.vehicle) await findOwnedVehicle(strapi, ownerId, query.vehicle);
      const found = (await rows().findMany({
        where: { ownerId, ...(query.vehicle ? { vehicleId: query.vehicle } : {}) },
        orderBy: { id: 'asc' },
      })) as ReminderRow[];
      const wanted = query.status ?? 'active';
      const views = (await present(found, locale))
        .filter((view) => wanted === 'all' || view.status === wanted)
        .filter((view) => !query.tier || view.tier === query.tier)
        .sort(byUrgency);
      const start = query.cursor ? cursors.decode(query.cursor) : 0;
      const page = views.slice(start, start + query.limit);
      const end = start + page.length;
      return {
        data: page,
        meta: {
          pagination: {
            limit: query.limit,
            nextCursor: end < views.length ? cursors.encode(end) : null,
          },
        },
      };
    },

    async create(ownerId: number, input: NewReminderInput, locale: string): Promise<ReminderView> {
      const { vehicleId, ...fields } = input;
      await findOwnedVehicle(strapi, ownerId, vehicleId);
      assertDuePoint(fields);
      const row = await insert(ownerId, vehicleId, fields, 'owner');
      return presentOne(row, locale);
    },

    /** Changes an open reminder; a new due point or offset moves its notification point. */
    async update(
      ownerId: number,
      documentId: string,
      change: ReminderChangeInput,
      locale: string,
    ): Promise<ReminderView> {
      const row = await owned(ownerId, documentId);
      const merged = { ...row, ...change } as ReminderRow;
      assertDuePoint({ ...merged, kind: merged.kind as ReminderFields['kind'] });
      if (row.status === 'dismissed' || row.status === 'completed') {
        // What is finished no longer comes due: a change to it would do nothing.
        throw new Conflict('status', `A ${row.status} reminder cannot be changed`);
      }
      await rows().update({
        where: { id: row.id },
        data: { ...change, ...notificationColumns(merged, reminderConfig()) },
      });
      return findOne(ownerId, documentId, locale);
    },

    async remove(ownerId: number, documentId: string): Promise<void> {
      const row = await owned(ownerId, documentId);
      await rows().delete({ where: { id: row.id } });
    },

    async snooze(ownerId: number, documentId: string, until: string, locale: string) {
      const row = await owned(ownerId, documentId);
      if (until <= nepalToday(new Date())) throw new InvalidField('until', 'must be after today');
      return presentOne(await lifecycle().snooze(row, until), locale);
    },

    async dismiss(ownerId: number, documentId: string, locale: string) {
      return presentOne(await lifecycle().dismiss(await owned(ownerId, documentId)), locale);
    },

    /** Completes the current occurrence: today and the vehicle's last reading unless given. */
    async complete(ownerId: number, documentId: string, input: CompleteInput, locale: string) {
      const row = await owned(ownerId, documentId);
      const odometerKm = input.odometerKm ?? (await vehicleOdometer(row.vehicleId));
      const completed = await lifecycle().complete(row, {
        date: input.date ?? nepalToday(new Date()),
        odometerKm,
      });
      return presentOne(completed, locale);
    },
  };
};
