import { READ_ACTION, RETRY_ACTION } from './constants';

const can = (action: string) => [{ name: 'admin::hasPermissions', config: { actions: [action] } }];

/** Admin routes only (served under /reminders), behind the admin's own authentication. */
export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/deliveries',
        handler: 'deliveries.find',
        config: { policies: can(READ_ACTION) },
      },
      {
        method: 'GET',
        path: '/deliveries/:id',
        handler: 'deliveries.findOne',
        config: { policies: can(READ_ACTION) },
      },
      {
        method: 'POST',
        path: '/deliveries/:id/retry',
        handler: 'deliveries.retry',
        config: { policies: can(RETRY_ACTION) },
      },
    ],
  },
};
