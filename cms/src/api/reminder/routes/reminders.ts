import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../lib/pagination';
import { ownerRoutes } from '../../identity/auth/owner-routes';
import { URGENCY_TIERS } from '../rules/urgency';
import {
  completeInput,
  fromTemplatesInput,
  newReminderInput,
  reminderChangeInput,
  snoozeInput,
} from '../reminder-input';

const LIST_QUERY = {
  vehicle: {
    description: 'Only the reminders of this vehicle (its id)',
    schema: { type: 'string' },
  },
  status: {
    description:
      'active (the default: open ones, a snooze that has run out included), snoozed, dismissed, completed or all',
    schema: { type: 'string', enum: ['active', 'snoozed', 'dismissed', 'completed', 'all'] },
  },
  tier: {
    description: 'Only this urgency tier',
    schema: { type: 'string', enum: [...URGENCY_TIERS] },
  },
  limit: {
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); most urgent first`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
  },
  cursor: {
    description: 'meta.pagination.nextCursor of the page before',
    schema: { type: 'string' },
  },
};

const TEMPLATE_QUERY = {
  vehicle: {
    description: "The vehicle (its id) whose type's templates are listed",
    schema: { type: 'string' },
    required: true,
  },
};

/** What a transition the reminder's status does not allow answers. */
const ILLEGAL_TRANSITION = {
  409: 'The reminder is dismissed or completed (or changed meanwhile): `error.details.errors[].path` is `status`',
};

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
// `body`: the schema the controller checks `{ data }` against; the OpenAPI document shows it.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    { method: 'GET', path: '/reminders', handler: 'reminders.list', query: LIST_QUERY },
    { method: 'POST', path: '/reminders', handler: 'reminders.create', body: newReminderInput },
    { method: 'GET', path: '/reminders/:id', handler: 'reminders.findOne' },
    {
      method: 'PUT',
      path: '/reminders/:id',
      handler: 'reminders.update',
      refusals: ILLEGAL_TRANSITION,
      body: reminderChangeInput,
    },
    { method: 'DELETE', path: '/reminders/:id', handler: 'reminders.delete' },
    {
      method: 'POST',
      path: '/reminders/:id/snooze',
      handler: 'reminders.snooze',
      refusals: ILLEGAL_TRANSITION,
      body: snoozeInput,
    },
    {
      method: 'POST',
      path: '/reminders/:id/dismiss',
      handler: 'reminders.dismiss',
      refusals: ILLEGAL_TRANSITION,
    },
    {
      method: 'POST',
      path: '/reminders/:id/complete',
      handler: 'reminders.complete',
      refusals: ILLEGAL_TRANSITION,
      body: completeInput,
    },
    {
      method: 'GET',
      path: '/reminder-templates',
      handler: 'reminders.templates',
      query: TEMPLATE_QUERY,
    },
    {
      method: 'POST',
      path: '/vehicles/:id/reminders/from-templates',
      handler: 'reminders.createFromTemplates',
      body: fromTemplatesInput,
    },
  ]),
};
