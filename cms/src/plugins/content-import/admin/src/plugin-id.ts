export const PLUGIN_ID = 'content-import';
/** Who sees the page: admins who may create news or recalls (the server checks per kind). */
export const IMPORT_PERMISSIONS = [
  { action: 'plugin::content-manager.explorer.create', subject: 'api::news.news' },
  { action: 'plugin::content-manager.explorer.create', subject: 'api::news.recall' },
];
