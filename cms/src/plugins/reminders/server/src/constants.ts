export const PLUGIN = 'reminders';
export const TABLE = 'reminder_deliveries';
export const READ_ACTION = 'plugin::reminders.read';
export const RETRY_ACTION = 'plugin::reminders.retry';
export const TIMEZONE = 'Asia/Kathmandu';
/** Nepal time is UTC+05:45 all year (no daylight saving). */
export const NEPAL_OFFSET_MINUTES = 5 * 60 + 45;

/** PostgreSQL advisory lock keys: the tick (one instance a tick) and the table's creation. */
export const TICK_LOCK = 0x4d47_5201;
export const SCHEMA_LOCK = 0x4d47_5202;

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;
export type DeliveryStatus = (typeof STATUSES)[number];
