import type { Core } from '@strapi/strapi';
import { Conflict } from '../../../lib/errors';
import { nepalToday } from '../rules/calendar';
import { nextDuePoint, recurs, type Completion } from '../rules/recurrence';
import { reminderConfig } from '../reminder-config';
import {
  notificationColumns,
  OPEN_STATUSES,
  REMINDER_UID,
  type ReminderRow,
  type ReminderStatus,
} from '../reminder-rows';

/** Refusal of a transition the reminder's status does not allow. */
const illegal = (row: ReminderRow, action: string) =>
  new Conflict('status', `A ${row.status} reminder cannot be ${action}`);

/**
 * The moves of a reminder's life: complete (and schedule the next occurrence), snooze,
 * dismiss. Each is one conditional UPDATE on the status and occurrence it was read with, so
 * two at once cannot both win: the loser is a 409, never a second next occurrence.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reminders = () => strapi.db.query(REMINDER_UID);

  async function guardedUpdate(
    row: ReminderRow,
    action: string,
    data: Record<string, unknown>,
  ): Promise<ReminderRow> {
    const { count } = (await reminders().updateMany({
      where: { id: row.id, occurrence: row.occurrence, status: { $in: OPEN_STATUSES } },
      data,
    })) as { count: number };
    if (count === 0) {
      const now = (await reminders().findOne({ where: { id: row.id } })) as ReminderRow | null;
      throw illegal(now ?? row, action);
    }
    return (await reminders().findOne({ where: { id: row.id } })) as ReminderRow;
  }

  const assertOpen = (row: ReminderRow, action: string) => {
    if (!OPEN_STATUSES.includes(row.status)) throw illegal(row, action);
  };

  return {
    /**
     * Completes the current occurrence. A recurring reminder moves to its next occurrence
     * (active again, counted from the completion or, on a fixed schedule, from the due
     * point); a one-off becomes `completed`.
     */
    async complete(row: ReminderRow, completion: Completion): Promise<ReminderRow> {
      assertOpen(row, 'completed');
      const done = {
        lastCompletedAt: completion.date,
        lastCompletedKm: completion.odometerKm,
        snoozedUntil: null,
      };
      const next = nextDuePoint(row, completion);
      if (!recurs(row) || !next || (next.dueDate === null && next.dueKm === null)) {
        return guardedUpdate(row, 'completed', { ...done, status: 'completed' });
      }
      return guardedUpdate(row, 'completed', {
        ...done,
        status: 'active' satisfies ReminderStatus,
        occurrence: row.occurrence + 1,
        dueDate: next.dueDate,
        dueKm: next.dueKm,
        ...notificationColumns({ ...row, ...next }, reminderConfig()),
      });
    },

    /** Hides the reminder, in lists and from notifications, until `until` (after today). */
    async snooze(row: ReminderRow, until: string): Promise<ReminderRow> {
      assertOpen(row, 'snoozed');
      return guardedUpdate(row, 'snoozed', { status: 'snoozed', snoozedUntil: until });
    },

    async dismiss(row: ReminderRow): Promise<ReminderRow> {
      assertOpen(row, 'dismissed');
      return guardedUpdate(row, 'dismissed', { status: 'dismissed', snoozedUntil: null });
    },

    /** Today in Nepal, the day reminders are reckoned by. */
    today: (now = new Date()) => nepalToday(now),
  };
};
