import type { Core } from '@strapi/strapi';
import type { DomainEvents } from '../../../lib/domain-events';
import { serviceGetter } from '../../../lib/services';
import { addDays, nepalToday } from '../rules/calendar';
import { documentSource, renewalKindOf } from '../rules/document-reminders';
import { reminderConfig } from '../reminder-config';
import { dayOf, OPEN_STATUSES, REMINDER_UID, type ReminderRow } from '../reminder-rows';
import type reminderLifecycle from './reminder-lifecycle';
import type reminders from './reminders';

const sibling = serviceGetter<{
  reminders: typeof reminders;
  'reminder-lifecycle': typeof reminderLifecycle;
}>('reminder');

/**
 * The offsets (days before expiry) a document's reminders get: those whose day is still
 * ahead; when none is, the nearest one alone, so a late upload is told once, not three times.
 */
function offsetsAhead(expiresOn: string, offsets: number[], today: string): number[] {
  const ahead = offsets.filter((days) => addDays(expiresOn, -days) >= today);
  return ahead.length > 0 ? ahead : [Math.min(...offsets)];
}

/** What reminders do when other domains tell them something happened (domain events). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(REMINDER_UID);

  return {
    /**
     * A completed service completes the vehicle's open reminders of the same kind, and
     * schedules each one's next occurrence from the service (or its due point when fixed).
     */
    async serviceCompleted(event: DomainEvents['service-record.completed']): Promise<void> {
      const matching = (await rows().findMany({
        where: {
          ownerId: event.ownerId,
          vehicleId: event.vehicleId,
          kind: event.kind,
          status: { $in: OPEN_STATUSES },
        },
      })) as ReminderRow[];
      if (matching.length === 0) return;
      const odometerKm =
        event.odometerKm ?? (await sibling(strapi, 'reminders').vehicleOdometer(event.vehicleId));
      const date = nepalToday(new Date(event.completedAt));
      for (const row of matching) {
        await sibling(strapi, 'reminder-lifecycle').complete(row, { date, odometerKm });
      }
    },

    /**
     * A document's expiry date: one reminder per configured offset (30, 7 and 1 days before
     * by default). A save that changes nothing they depend on keeps them (and what was
     * already sent); a new expiry, vehicle or kind replaces them; no expiry removes them.
     */
    async documentSaved(event: DomainEvents['document.saved']): Promise<void> {
      const source = documentSource(event.documentId);
      const existing = (await rows().findMany({
        where: { ownerId: event.ownerId, source },
      })) as ReminderRow[];
      const kind = renewalKindOf(event.kind);
      const { documentDaysBefore } = reminderConfig();
      const offsets = event.expiresOn
        ? offsetsAhead(event.expiresOn, documentDaysBefore, nepalToday(new Date()))
        : [];
      const unchanged =
        existing.length === offsets.length &&
        existing.every(
          (row) =>
            dayOf(row.dueDate) === event.expiresOn &&
            row.vehicleId === event.vehicleId &&
            row.kind === kind &&
            row.documentKind === event.kind &&
            offsets.includes(row.notifyDaysBefore ?? -1),
        );
      if (unchanged) return;
      await rows().deleteMany({ where: { ownerId: event.ownerId, source } });
      if (!event.expiresOn) return;
      for (const daysBefore of offsets) {
        await sibling(strapi, 'reminders').insert(
          event.ownerId,
          event.vehicleId,
          {
            kind,
            title: null,
            documentKind: event.kind,
            dueDate: event.expiresOn,
            dueKm: null,
            everyMonths: null,
            everyKm: null,
            schedule: 'fixed',
            notifyDaysBefore: daysBefore,
          },
          source,
        );
      }
    },

    async documentDeleted(event: DomainEvents['document.deleted']): Promise<void> {
      await rows().deleteMany({
        where: { ownerId: event.ownerId, source: documentSource(event.documentId) },
      });
    },

    async vehicleDeleted(event: DomainEvents['vehicle.deleted']): Promise<void> {
      await rows().deleteMany({ where: { ownerId: event.ownerId, vehicleId: event.vehicleId } });
    },
  };
};
