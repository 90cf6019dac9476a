export const PLUGIN = 'geocoding';
/** The content-manager permission an admin needs to run "geocode again" on a center. */
export const UPDATE_ACTION = 'plugin::content-manager.explorer.update';
/** Cache keys (under the app's CACHE_PREFIX): provider answers, and the provider's slot. */
export const CACHE_KEY_PREFIX = 'geocoding:v1:';
export const SLOT_KEY = 'geocoding:provider-slot';
