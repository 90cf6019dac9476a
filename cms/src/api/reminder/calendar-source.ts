import type { Core } from '@strapi/strapi';
import type { CalendarEvent, CalendarSource } from '../calendar/sources';
import { REMINDER_UID, type ReminderRow } from './reminder-rows';
import { getReminderService } from './services';

const VEHICLE_UID = 'api::vehicle.vehicle';

/** A feed is for what is coming: an owner has tens of reminders, never thousands. */
const LIMIT = 1000;

const dueKmText = (km: number, locale: string) =>
  locale === 'ne'
    ? `${km.toLocaleString('ne-NP')} कि.मी. मा गर्नुपर्ने`
    : `due at ${km.toLocaleString('en-IN')} km`;

/**
 * An owner's open reminders (active, and snoozed: a snooze silences the notice, not the due
 * point) as all-day events on their next due day: the due date, or for km reminders the day
 * projected from the vehicle's recent daily distance, whichever is earlier. A km reminder
 * without a projection has no day and is left out. One UID per reminder: completing it moves
 * the event to the next occurrence.
 */
export function reminderCalendarSource(strapi: Core.Strapi): CalendarSource {
  return {
    name: 'reminders',
    async events(ownerId, locale) {
      const rows = (await strapi.db.query(REMINDER_UID).findMany({
        where: { ownerId, status: { $in: ['active', 'snoozed'] } },
        orderBy: [{ id: 'asc' }],
        limit: LIMIT,
      })) as ReminderRow[];
      if (rows.length === 0) return [];
      const views = await getReminderService(strapi, 'reminder-views').present(rows, locale);
      const vehicleIds = [
        ...new Set(rows.map((row) => row.vehicleId).filter((id): id is string => !!id)),
      ];
      const vehicles = (await strapi.db.query(VEHICLE_UID).findMany({
        where: { documentId: { $in: vehicleIds }, ownerId },
        select: ['documentId', 'nickname', 'registrationNumber'],
      })) as Array<{ documentId: string; nickname: string | null; registrationNumber: string }>;
      const names = new Map(
        vehicles.map((vehicle) => [
          vehicle.documentId,
          vehicle.nickname || vehicle.registrationNumber,
        ]),
      );
      const updatedAt = new Map(rows.map((row) => [row.documentId, new Date(row.updatedAt)]));
      return views.flatMap((view): CalendarEvent[] => {
        if (!view.nextDue.date) return [];
        const vehicle = view.vehicleId ? names.get(view.vehicleId) : undefined;
        return [
          {
            uid: `${view.id}@motorghar`,
            start: new Date(`${view.nextDue.date}T00:00:00Z`),
            allDay: true,
            summary: vehicle ? `${vehicle}: ${view.name}` : view.name,
            description: view.dueKm !== null ? dueKmText(view.dueKm, locale) : undefined,
            updatedAt: updatedAt.get(view.id) ?? new Date(),
          },
        ];
      });
    },
  };
}
