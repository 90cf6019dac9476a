/** Everything an owner does in their document vault; each action scopes to the owner. */
export const DOCUMENT_OWNER_ACTIONS = [
  'presign',
  'finalise',
  'list',
  'findOne',
  'update',
  'delete',
  'download',
].map((action) => `api::document.documents.${action}`);
