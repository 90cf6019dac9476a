export const PLUGIN_ID = 'audit-log';
export const READ_PERMISSION = { action: 'plugin::audit-log.read', subject: null };
