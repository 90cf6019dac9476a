import { addDays, nepalMidnight } from './calendar';
import type { DuePoint } from './urgency';

export interface NotifyOffsets {
  daysBefore: number;
  kmBefore: number;
}

export interface NotificationPoint {
  /** The instant a date reminder reaches its notification point (Nepal midnight). */
  notifyAt: Date | null;
  /** The odometer reading at which a km reminder reaches it. */
  notifyKm: number | null;
}

/**
 * When an occurrence is handed to the delivery engine: `daysBefore` its date, `kmBefore`
 * its km, whichever is reached first. Stored on the reminder so the engine's query is one
 * indexed comparison, not a computation per row.
 */
export function notificationPoint(due: DuePoint, offsets: NotifyOffsets): NotificationPoint {
  return {
    notifyAt:
      due.dueDate === null ? null : nepalMidnight(addDays(due.dueDate, -offsets.daysBefore)),
    notifyKm: due.dueKm === null ? null : Math.max(0, due.dueKm - offsets.kmBefore),
  };
}
