/** An owner's service records; each action scopes to the signed-in owner. */
export const SERVICE_RECORD_OWNER_ACTIONS = [
  'list',
  'create',
  'findOne',
  'update',
  'delete',
  'complete',
  'cancel',
  'spending',
].map((action) => `api::service-record.service-records.${action}`);
