/** Everything an owner does in their garage; each action scopes to the signed-in owner. */
export const VEHICLE_OWNER_ACTIONS = [
  'list',
  'create',
  'findOne',
  'update',
  'delete',
  'listNotes',
  'createNote',
  'updateNote',
  'deleteNote',
  'listOdometer',
  'addOdometer',
  'addPhotos',
  'deletePhoto',
].map((action) => `api::vehicle.vehicles.${action}`);
