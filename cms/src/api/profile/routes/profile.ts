import { ownerRoutes } from '../../identity/auth/owner-routes';
import { profileInput } from '../profile-input';

export default {
  type: 'content-api',
  routes: ownerRoutes([
    { method: 'GET', path: '/profile', handler: 'profile.find' },
    { method: 'PUT', path: '/profile', handler: 'profile.update', body: profileInput },
  ]),
};
