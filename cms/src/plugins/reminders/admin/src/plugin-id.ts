export const PLUGIN_ID = 'reminders';
export const READ_PERMISSION = { action: 'plugin::reminders.read', subject: null };
export const RETRY_PERMISSION = { action: 'plugin::reminders.retry', subject: null };
