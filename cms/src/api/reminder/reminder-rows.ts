import { notificationPoint } from './rules/notification-point';
import type { Schedule } from './rules/recurrence';
import type { ReminderConfig } from './reminder-config';

export const REMINDER_UID = 'api::reminder.reminder';
export const REMINDERS_TABLE = 'reminders';

export type ReminderStatus = 'active' | 'snoozed' | 'dismissed' | 'completed';
/** Statuses a reminder can still be snoozed, dismissed or completed from. */
export const OPEN_STATUSES: ReminderStatus[] = ['active', 'snoozed'];

/** A reminder as the query engine reads it. */
export interface ReminderRow {
  id: number;
  documentId: string;
  ownerId: number;
  vehicleId: string | null;
  kind: string;
  title: string | null;
  dueDate: string | null;
  dueKm: number | null;
  everyMonths: number | null;
  everyKm: number | null;
  schedule: Schedule;
  status: ReminderStatus;
  snoozedUntil: string | null;
  occurrence: number;
  lastCompletedAt: string | null;
  lastCompletedKm: number | null;
  source: string;
  documentKind: string | null;
  notifyDaysBefore: number | null;
  notifyKmBefore: number | null;
  notifiedOccurrence: number;
  createdAt: string;
  updatedAt: string;
}

/** The fields that decide when an occurrence is due and notified. */
export interface DueFields {
  dueDate: string | null;
  dueKm: number | null;
  notifyDaysBefore: number | null;
  notifyKmBefore: number | null;
}

/** The stored notification point of a due point, from its offsets or the configured ones. */
export function notificationColumns(fields: DueFields, config: ReminderConfig) {
  const point = notificationPoint(
    { dueDate: fields.dueDate, dueKm: fields.dueKm },
    {
      daysBefore: fields.notifyDaysBefore ?? config.notify.daysBefore,
      kmBefore: fields.notifyKmBefore ?? config.notify.kmBefore,
    },
  );
  return { notifyAt: point.notifyAt, notifyKm: point.notifyKm, claimedUntil: null };
}

/** `YYYY-MM-DD` of a date column, whatever the driver hands back. */
export const dayOf = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);
