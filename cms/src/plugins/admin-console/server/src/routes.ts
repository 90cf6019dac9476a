/** Admin routes only (served under /admin-console), each behind the admin's session token. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/stats', handler: 'home.stats', config: { policies: [] } },
      { method: 'GET', path: '/labels', handler: 'home.labels', config: { policies: [] } },
    ],
  },
};
