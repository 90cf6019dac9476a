/** Admin routes only (served under /geocoding), behind the admin's own authentication. */
export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/service-centers/:documentId/geocode',
        handler: 'centers.relocate',
        config: { policies: ['plugin::geocoding.can-update-centers'] },
      },
    ],
  },
};
