import { loadEnv } from '../../lib/env';
import type { NotifyOffsets } from './rules/notification-point';
import type { UrgencyThresholds } from './rules/urgency';

export interface ReminderConfig {
  thresholds: UrgencyThresholds;
  /** Used where a reminder sets no offsets of its own. */
  notify: NotifyOffsets;
  /** Days before a document's expiry that each get a reminder. */
  documentDaysBefore: number[];
  /** The portal's origin, for links in messages. */
  portalUrl: string;
}

/** The reminder settings of this process's environment (lib/env.ts, REMINDER_*). */
export function reminderConfig(): ReminderConfig {
  const env = loadEnv();
  return {
    thresholds: {
      dueSoonDays: env.REMINDER_DUE_SOON_DAYS,
      dueSoonKm: env.REMINDER_DUE_SOON_KM,
      dueDays: env.REMINDER_DUE_DAYS,
      dueKm: env.REMINDER_DUE_KM,
    },
    notify: {
      daysBefore: env.REMINDER_NOTIFY_DAYS_BEFORE,
      kmBefore: env.REMINDER_NOTIFY_KM_BEFORE,
    },
    documentDaysBefore: env.REMINDER_DOCUMENT_DAYS_BEFORE,
    portalUrl: env.PORTAL_URL,
  };
}
