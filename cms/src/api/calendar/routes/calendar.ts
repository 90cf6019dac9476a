import { ownerRoutes } from '../../identity/auth/owner-routes';

export default {
  type: 'content-api',
  routes: [
    ...ownerRoutes([
      { method: 'GET', path: '/calendar/token', handler: 'calendar.token' },
      { method: 'POST', path: '/calendar/token', handler: 'calendar.rotateToken' },
      { method: 'DELETE', path: '/calendar/token', handler: 'calendar.revokeToken' },
    ]),
    // Public: calendar apps subscribe without signing in; the token in the path is the key.
    {
      method: 'GET',
      path: '/calendar/:token.ics',
      handler: 'calendar.ics',
      config: { auth: false },
    },
  ],
};
