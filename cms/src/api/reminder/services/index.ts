import { serviceGetter } from '../../../lib/services';
import reminderEvents from './reminder-events';
import reminderLifecycle from './reminder-lifecycle';
import reminderTemplates from './reminder-templates';
import reminderViews from './reminder-views';
import reminders from './reminders';

// Each does one thing; they reach each other through Strapi (api::reminder.<name>).
const services = {
  reminders,
  'reminder-lifecycle': reminderLifecycle,
  'reminder-views': reminderViews,
  'reminder-templates': reminderTemplates,
  'reminder-events': reminderEvents,
};
export default services;

/** Typed access to the reminder domain's services. */
export const getReminderService = serviceGetter<typeof services>('reminder');
