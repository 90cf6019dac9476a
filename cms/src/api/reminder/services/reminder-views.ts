import type { Core } from '@strapi/strapi';
import { serviceKindName } from '../../catalog/service-kinds';
import { READING_UID, VEHICLE_UID } from '../../vehicle/owned-vehicles';
import { addDays, nepalToday } from '../rules/calendar';
import { documentRenewalName } from '../rules/document-reminders';
import {
  dailyDistance,
  projectKm,
  PROJECTION_WINDOW_DAYS,
  type OdometerReading,
} from '../rules/projection';
import { modeOf, urgencyOf, type UrgencyTier } from '../rules/urgency';
import { reminderConfig } from '../reminder-config';
import { dayOf, type ReminderRow, type ReminderStatus } from '../reminder-rows';

export interface ReminderView {
  id: string;
  vehicleId: string | null;
  kind: string;
  /** What is due, in the asked language: the title, else the kind's (or document's) name. */
  name: string;
  title: string | null;
  dueDate: string | null;
  dueKm: number | null;
  mode: 'date' | 'km' | 'whichever-first';
  recurrence: { everyMonths: number | null; everyKm: number | null } | null;
  schedule: 'from-completion' | 'fixed';
  /** A snooze that has run out reads as `active`. */
  status: ReminderStatus;
  snoozedUntil: string | null;
  occurrence: number;
  lastCompletedAt: string | null;
  lastCompletedKm: number | null;
  source: string;
  notify: { daysBefore: number; kmBefore: number };
  tier: UrgencyTier;
  daysLeft: number | null;
  kmLeft: number | null;
  /** For km reminders: "about N days" at the vehicle's recent daily distance. */
  projection: { kmPerDay: number; days: number; date: string } | null;
  /** The earlier of the due date and the projected date, and the due km. */
  nextDue: { date: string | null; km: number | null };
}

/** A snoozed reminder whose day has come is active again, without anything rewriting it. */
export const effectiveStatus = (row: ReminderRow, today: string): ReminderStatus =>
  row.status === 'snoozed' && (dayOf(row.snoozedUntil) ?? today) <= today ? 'active' : row.status;

export function reminderName(row: ReminderRow, locale: string): string {
  if (row.title) return row.title;
  if (row.kind === 'other' && row.documentKind)
    return documentRenewalName(row.documentKind, locale);
  return serviceKindName(row.kind, locale);
}

interface VehicleFacts {
  odometerKm: number | null;
  kmPerDay: number | null;
}

/** Reminders as the owner sees them: urgency, projection and next due computed now. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Each vehicle's odometer and recent daily distance, in two queries for all of them. */
  async function vehicleFacts(vehicleIds: string[], today: string) {
    const facts = new Map<string, VehicleFacts>();
    if (vehicleIds.length === 0) return facts;
    const vehicles = (await strapi.db.query(VEHICLE_UID).findMany({
      where: { documentId: { $in: vehicleIds } },
      select: ['documentId', 'odometerKm'],
    })) as Array<{ documentId: string; odometerKm: number | null }>;
    // Twice the window, so the reading before it (the window's start) is usually there too.
    const readings = (await strapi.db.query(READING_UID).findMany({
      where: {
        vehicle: { documentId: { $in: vehicleIds } },
        readOn: { $gte: addDays(today, -2 * PROJECTION_WINDOW_DAYS) },
      },
      select: ['readingKm', 'readOn', 'correction'],
      populate: { vehicle: { select: ['documentId'] } },
    })) as Array<OdometerReading & { vehicle?: { documentId: string } }>;
    for (const vehicle of vehicles) {
      const own = readings
        .filter((reading) => reading.vehicle?.documentId === vehicle.documentId)
        .map((reading) => ({
          ...reading,
          readOn: dayOf(reading.readOn)!,
          correction: Boolean(reading.correction),
        }));
      facts.set(vehicle.documentId, {
        odometerKm: vehicle.odometerKm ?? null,
        kmPerDay: dailyDistance(own, today),
      });
    }
    return facts;
  }

  function view(row: ReminderRow, facts: VehicleFacts | undefined, locale: string, today: string) {
    const config = reminderConfig();
    const dueDate = dayOf(row.dueDate);
    const due = { dueDate, dueKm: row.dueKm ?? null };
    const urgency = urgencyOf(due, today, facts?.odometerKm ?? null, config.thresholds);
    const projected =
      urgency.kmLeft !== null && facts?.kmPerDay
        ? {
            kmPerDay: Math.round(facts.kmPerDay * 10) / 10,
            ...projectKm(urgency.kmLeft, facts.kmPerDay, today),
          }
        : null;
    const dates = [dueDate, projected?.date ?? null].filter((value): value is string => !!value);
    const recurring = row.everyMonths !== null || row.everyKm !== null;
    return {
      id: row.documentId,
      vehicleId: row.vehicleId,
      kind: row.kind,
      name: reminderName(row, locale),
      title: row.title,
      dueDate,
      dueKm: due.dueKm,
      mode: modeOf(due),
      recurrence: recurring ? { everyMonths: row.everyMonths, everyKm: row.everyKm } : null,
      schedule: row.schedule,
      status: effectiveStatus(row, today),
      snoozedUntil: dayOf(row.snoozedUntil),
      occurrence: row.occurrence,
      lastCompletedAt: dayOf(row.lastCompletedAt),
      lastCompletedKm: row.lastCompletedKm,
      source: row.source,
      notify: {
        daysBefore: row.notifyDaysBefore ?? config.notify.daysBefore,
        kmBefore: row.notifyKmBefore ?? config.notify.kmBefore,
      },
      tier: urgency.tier,
      daysLeft: urgency.daysLeft,
      kmLeft: urgency.kmLeft,
      projection: projected,
      nextDue: { date: dates.sort()[0] ?? null, km: due.dueKm },
    } satisfies ReminderView;
  }

  return {
    async present(rows: ReminderRow[], locale: string, now = new Date()): Promise<ReminderView[]> {
      const today = nepalToday(now);
      const vehicleIds = [
        ...new Set(rows.map((row) => row.vehicleId).filter((id): id is string => !!id)),
      ];
      const facts = await vehicleFacts(vehicleIds, today);
      return rows.map((row) =>
        view(row, row.vehicleId ? facts.get(row.vehicleId) : undefined, locale, today),
      );
    },
  };
};
