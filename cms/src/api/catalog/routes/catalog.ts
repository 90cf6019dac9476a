export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/catalog/makes', handler: 'catalog.makes' },
    { method: 'GET', path: '/catalog/makes/:id/models', handler: 'catalog.modelsOfMake' },
    { method: 'GET', path: '/catalog/models/:id', handler: 'catalog.model' },
  ],
};
