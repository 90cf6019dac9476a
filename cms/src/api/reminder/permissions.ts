/** Everything an owner does with reminders; each action scopes to the signed-in owner. */
export const REMINDER_OWNER_ACTIONS = [
  'list',
  'create',
  'findOne',
  'update',
  'delete',
  'snooze',
  'dismiss',
  'complete',
  'templates',
  'createFromTemplates',
].map((action) => `api::reminder.reminders.${action}`);
