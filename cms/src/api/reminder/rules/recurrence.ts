import { addMonths } from './calendar';
import type { DuePoint } from './urgency';

/** `from-completion`: the next is counted from the service; `fixed`: from the due point. */
export type Schedule = 'from-completion' | 'fixed';

export interface Recurring extends DuePoint {
  everyMonths: number | null;
  everyKm: number | null;
  schedule: Schedule;
}

export interface Completion {
  /** `YYYY-MM-DD` the work was done. */
  date: string;
  /** The odometer then, when known. */
  odometerKm: number | null;
}

/** Whether completing the reminder schedules another occurrence. */
export const recurs = (reminder: Recurring): boolean =>
  reminder.everyMonths !== null || reminder.everyKm !== null;

/**
 * The due point of the occurrence after `completion`, or null for a one-off. From the
 * completion by default; on a fixed schedule (renewals) from the due point itself, so a
 * renewal done early or late keeps its anniversary. A base that is missing (a fixed km
 * interval without a due km) falls back to the completion.
 */
export function nextDuePoint(reminder: Recurring, completion: Completion): DuePoint | null {
  if (!recurs(reminder)) return null;
  const fixed = reminder.schedule === 'fixed';
  const dateBase = (fixed ? reminder.dueDate : null) ?? completion.date;
  const kmBase = (fixed ? reminder.dueKm : null) ?? completion.odometerKm ?? reminder.dueKm;
  return {
    dueDate: reminder.everyMonths === null ? null : addMonths(dateBase, reminder.everyMonths),
    dueKm: reminder.everyKm === null || kmBase === null ? null : kmBase + reminder.everyKm,
  };
}
