import { ownerRoutes } from '../../../platform/identity/owner-routes';

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    { method: 'GET', path: '/vehicles', handler: 'vehicles.list' },
    { method: 'POST', path: '/vehicles', handler: 'vehicles.create' },
    { method: 'GET', path: '/vehicles/:id', handler: 'vehicles.findOne' },
    { method: 'PUT', path: '/vehicles/:id', handler: 'vehicles.update' },
    { method: 'DELETE', path: '/vehicles/:id', handler: 'vehicles.delete' },
    { method: 'GET', path: '/vehicles/:id/notes', handler: 'vehicles.listNotes' },
    { method: 'POST', path: '/vehicles/:id/notes', handler: 'vehicles.createNote' },
    { method: 'PUT', path: '/notes/:id', handler: 'vehicles.updateNote' },
    { method: 'DELETE', path: '/notes/:id', handler: 'vehicles.deleteNote' },
    { method: 'GET', path: '/vehicles/:id/odometer', handler: 'vehicles.listOdometer' },
    { method: 'POST', path: '/vehicles/:id/odometer', handler: 'vehicles.addOdometer' },
    { method: 'POST', path: '/vehicles/:id/photos', handler: 'vehicles.addPhotos' },
    { method: 'DELETE', path: '/vehicles/:id/photos/:photoId', handler: 'vehicles.deletePhoto' },
  ]),
};
