/** The finder: visitors and owners alike. */
export const SERVICE_CENTER_READ_ACTIONS = [
  'api::service-center.service-centers.find',
  'api::service-center.service-centers.findOne',
] as const;

/** An owner's saved centers; each action scopes to the signed-in owner. */
export const SAVED_CENTER_OWNER_ACTIONS = [
  'api::service-center.saved-centers.list',
  'api::service-center.saved-centers.save',
  'api::service-center.saved-centers.unsave',
] as const;
