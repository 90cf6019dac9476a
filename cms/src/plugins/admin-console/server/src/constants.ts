export const PLUGIN = 'admin-console';

/** The app's content types the widgets and columns read, by uid (never by importing app code). */
export const UIDS = {
  owner: 'plugin::users-permissions.user',
  vehicle: 'api::vehicle.vehicle',
  make: 'api::catalog.make',
  model: 'api::catalog.model',
  serviceRecord: 'api::service-record.service-record',
  recall: 'api::recall.recall',
  center: 'api::service-center.service-center',
} as const;

/** The reminders plugin's outbox (a plain table, not a content type). */
export const DELIVERIES_TABLE = 'reminder_deliveries';

/** Recall statuses that mean the campaign is over; every other status counts as open. */
export const CLOSED_RECALL_STATUSES = ['closed', 'completed', 'resolved', 'archived', 'cancelled'];

export const DAY_MS = 24 * 60 * 60 * 1000;
/** At most this many ids of one kind in one labels request (a list page shows up to 100 rows). */
export const MAX_IDS = 200;
