export const PLUGIN = 'audit-log';
export const ENTRY_UID = 'plugin::audit-log.entry';
export const READ_ACTION = 'plugin::audit-log.read';

/**
 * PostgreSQL advisory lock keys (one namespace per plugin feature): appends to the chain take
 * CHAIN_LOCK so instances never interleave; the retention job takes PRUNE_LOCK so one instance
 * prunes.
 */
export const CHAIN_LOCK = 0x4d47_4101;
export const PRUNE_LOCK = 0x4d47_4102;
