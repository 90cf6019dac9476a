export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/profile', handler: 'profile.find' },
    { method: 'PUT', path: '/profile', handler: 'profile.update' },
  ],
};
