import type { Core } from '@strapi/strapi';

const USER_UID = 'plugin::users-permissions.user';

const usersTable = (strapi: Core.Strapi) => strapi.db.metadata.get(USER_UID).tableName;

/**
 * The account a sign-in identifier names, as login limits count it: `user:<id>` when an
 * account answers to it, else `name:<identifier>` trimmed and lower-cased. Users-permissions
 * signs in by email (lower-cased) or by username (exact); every spelling of either must
 * count against one account, or each spelling would bring ten more guesses. Usernames are
 * matched case-insensitively here, more widely than sign-in does: a spelling that cannot
 * sign in still costs its account a try, never gains one. An unknown identifier is counted
 * all the same, so the answers do not tell which accounts exist. One query, on the indexes
 * `ensureSignInIndexes` keeps.
 */
export async function signInAccountKey(strapi: Core.Strapi, identifier: string): Promise<string> {
  const normalized = identifier.trim().toLowerCase();
  const spellings = [...new Set([normalized, identifier.toLowerCase()])];
  const row = (await strapi.db
    .connection(usersTable(strapi))
    .select('id')
    .where('provider', 'local')
    .andWhere((where) =>
      where
        .whereIn('email', spellings)
        .orWhereRaw(`lower(username) in (${spellings.map(() => '?').join(', ')})`, spellings),
    )
    // Two accounts may answer (usernames differing in case): prefer the one sign-in checks.
    .orderByRaw('(email = ? or username = ?) desc, id', [identifier.toLowerCase(), identifier])
    .first()) as { id: number | string } | undefined;
  return row ? `user:${row.id}` : `name:${normalized}`;
}

/**
 * Indexes for the lookups by email and by username, case-insensitively. Strapi declares
 * neither (`unique` on username is checked by the application only), so each sign-in would
 * otherwise read the whole user table. Idempotent; runs at every boot.
 */
export async function ensureSignInIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const table = usersTable(strapi);
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (email)', [`${table}_email_idx`, table]);
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (lower(username))', [
    `${table}_username_lower_idx`,
    table,
  ]);
}
