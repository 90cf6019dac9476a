import { ownerRoutes } from '../../../platform/identity/owner-routes';

export default {
  type: 'content-api',
  routes: ownerRoutes([
    { method: 'GET', path: '/profile', handler: 'profile.find' },
    { method: 'PUT', path: '/profile', handler: 'profile.update' },
  ]),
};
