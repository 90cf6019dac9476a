import { ownerRoutes } from '../../identity/auth/owner-routes';

export default {
  type: 'content-api',
  routes: [
    // The owner's token: GET says whether one exists; POST creates or rotates it and answers
    // 201 with { token, path, createdAt }, the only time the token is shown; DELETE revokes.
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
      pathParameters: {
        'token.ics': {
          description:
            'The feed token (shown once by POST /calendar/token) followed by `.ics`; the ' +
            'feed answers `text/calendar; charset=utf-8`',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}\\.ics$' },
        },
      },
      refusals: { 404: 'No such token: never issued, rotated or revoked' },
    },
  ],
};
