export const PLUGIN_ID = 'geocoding';
/** The content type the plugin geocodes (the server's `serviceCenterUid` default). */
export const CENTER_UID = 'api::service-center.service-center';
export const READ_CENTERS = {
  action: 'plugin::content-manager.explorer.read',
  subject: CENTER_UID,
};
export const UPDATE_CENTERS = {
  action: 'plugin::content-manager.explorer.update',
  subject: CENTER_UID,
};
/** The content-manager list of centers the chain could not place. */
export const NEEDS_COORDINATES_LIST = `/content-manager/collection-types/${CENTER_UID}?filters[$and][0][needsCoordinates][$eq]=true&page=1`;
