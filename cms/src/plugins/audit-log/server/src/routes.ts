import { READ_ACTION } from './constants';

const canRead = [{ name: 'admin::hasPermissions', config: { actions: [READ_ACTION] } }];

/** Admin routes only (served under /audit-log); none changes or deletes an entry. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/entries', handler: 'entries.find', config: { policies: canRead } },
      {
        method: 'GET',
        path: '/entries/export',
        handler: 'entries.exportCsv',
        config: { policies: canRead },
      },
      {
        method: 'GET',
        path: '/entries/:id',
        handler: 'entries.findOne',
        config: { policies: canRead },
      },
    ],
  },
};
