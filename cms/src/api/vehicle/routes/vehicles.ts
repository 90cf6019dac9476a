import { PHOTO_UPLOAD } from '../../../lib/body/body-limits';
import { PAGE_PARAMETERS } from '../../../lib/openapi';
import { ownerRoutes } from '../../identity/auth/owner-routes';
import { PHOTO_EXTENSIONS } from '../rules/image-type';
import { newVehicleInput, noteInput, odometerInput, vehicleChangeInput } from '../vehicle-input';

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
// `body`: the schema the controller checks `{ data }` against; the OpenAPI document shows it.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    {
      method: 'GET',
      path: '/vehicles',
      handler: 'vehicles.list',
      query: PAGE_PARAMETERS,
    },
    { method: 'POST', path: '/vehicles', handler: 'vehicles.create', body: newVehicleInput },
    { method: 'GET', path: '/vehicles/:id', handler: 'vehicles.findOne' },
    { method: 'PUT', path: '/vehicles/:id', handler: 'vehicles.update', body: vehicleChangeInput },
    { method: 'DELETE', path: '/vehicles/:id', handler: 'vehicles.delete' },
    {
      method: 'GET',
      path: '/vehicles/:id/notes',
      handler: 'vehicles.listNotes',
      query: PAGE_PARAMETERS,
    },
    {
      method: 'POST',
      path: '/vehicles/:id/notes',
      handler: 'vehicles.createNote',
      body: noteInput,
    },
    { method: 'PUT', path: '/notes/:id', handler: 'vehicles.updateNote', body: noteInput },
    { method: 'DELETE', path: '/notes/:id', handler: 'vehicles.deleteNote' },
    {
      method: 'GET',
      path: '/vehicles/:id/odometer',
      handler: 'vehicles.listOdometer',
      query: PAGE_PARAMETERS,
    },
    {
      method: 'POST',
      path: '/vehicles/:id/odometer',
      handler: 'vehicles.addOdometer',
      body: odometerInput,
    },
    {
      method: 'POST',
      path: '/vehicles/:id/photos',
      handler: 'vehicles.addPhotos',
      description:
        'Adds 1 to 5 photos; answers the vehicle. Photos are kept in the private store, never ' +
        "under `/uploads`: each of `photos[]` has an `id` (the photo record's documentId) and " +
        '`url`/`thumbnailUrl`, short-lived signed links (PRIVATE_PHOTO_URL_SECONDS, 15 minutes ' +
        'by default): a presigned GET on S3, `/api/files/<token>` on the embedded default.',
      // The multipart body the OpenAPI document shows, from the limits the body parser enforces.
      upload: { limits: PHOTO_UPLOAD, types: PHOTO_EXTENSIONS },
      // Files are read only after the owner is known and owns the vehicle (upload-body).
      config: { policies: ['api::vehicle.owns-vehicle'], middlewares: ['global::upload-body'] },
    },
    {
      method: 'DELETE',
      path: '/vehicles/:id/photos/:photoId',
      handler: 'vehicles.deletePhoto',
      description: 'Deletes one photo and its files; 404 when it is not a photo of this vehicle.',
      pathParameters: {
        id: { description: "The vehicle's id (its documentId)", schema: { type: 'string' } },
        photoId: {
          description:
            "The photo's id: `photos[].id` of the vehicle, the photo record's documentId",
          schema: { type: 'string' },
        },
      },
    },
  ]),
};
