import { ownerRoutes } from '../../identity/auth/owner-routes';
import {
  completeInput,
  fromTemplatesInput,
  newReminderInput,
  reminderChangeInput,
  snoozeInput,
} from '../reminder-input';

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
// `body`: the schema the controller checks `{ data }` against; the OpenAPI document shows it.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    { method: 'GET', path: '/reminders', handler: 'reminders.list' },
    { method: 'POST', path: '/reminders', handler: 'reminders.create', body: newReminderInput },
    { method: 'GET', path: '/reminders/:id', handler: 'reminders.findOne' },
    {
      method: 'PUT',
      path: '/reminders/:id',
      handler: 'reminders.update',
      body: reminderChangeInput,
    },
    { method: 'DELETE', path: '/reminders/:id', handler: 'reminders.delete' },
    {
      method: 'POST',
      path: '/reminders/:id/snooze',
      handler: 'reminders.snooze',
      body: snoozeInput,
    },
    { method: 'POST', path: '/reminders/:id/dismiss', handler: 'reminders.dismiss' },
    {
      method: 'POST',
      path: '/reminders/:id/complete',
      handler: 'reminders.complete',
      body: completeInput,
    },
    { method: 'GET', path: '/reminder-templates', handler: 'reminders.templates' },
    {
      method: 'POST',
      path: '/vehicles/:id/reminders/from-templates',
      handler: 'reminders.createFromTemplates',
      body: fromTemplatesInput,
    },
  ]),
};
