export const PLUGIN_ID = 'admin-console';
