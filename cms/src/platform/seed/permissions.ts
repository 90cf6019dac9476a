import type { Core } from '@strapi/strapi';

const UP = 'plugin::users-permissions';

/** The read-only vehicle catalog. */
const CATALOG_ACTIONS = [
  'api::catalog.catalog.makes',
  'api::catalog.catalog.modelsOfMake',
  'api::catalog.catalog.model',
] as const;

/** What anyone may call without signing in: sign-up, sign-in, recovery, public reads. */
export const PUBLIC_ACTIONS = [
  `${UP}.auth.callback`,
  `${UP}.auth.register`,
  `${UP}.auth.forgotPassword`,
  `${UP}.auth.resetPassword`,
  `${UP}.auth.refresh`,
  'api::home-page.home-page.find',
  ...CATALOG_ACTIONS,
] as const;

/** Exactly what an Owner (the users-permissions `authenticated` role) may call. */
export const OWNER_ACTIONS: readonly string[] = [
  `${UP}.user.me`,
  `${UP}.auth.logout`,
  `${UP}.auth.changePassword`,
  `${UP}.auth.getSessions`,
  `${UP}.auth.revokeSession`,
  'api::profile.profile.find',
  'api::profile.profile.update',
  'api::home-page.home-page.find',
  ...CATALOG_ACTIONS,
  ...[
    'list',
    'create',
    'findOne',
    'update',
    'delete',
    'listNotes',
    'createNote',
    'updateNote',
    'deleteNote',
    'listOdometer',
    'addOdometer',
    'addPhotos',
    'deletePhoto',
  ].map((action) => `api::vehicle.vehicles.${action}`),
];

const ROLE_NAMES = {
  public: { name: 'Public', description: 'Visitors who have not signed in.' },
  authenticated: { name: 'Owner', description: 'Vehicle owners: their own garage only.' },
} as const;

/**
 * Makes the content-API permissions of a users-permissions role exactly `actions`: grants
 * the missing ones, withdraws any other (an admin's extra grant included). Idempotent.
 */
export async function syncRolePermissions(
  strapi: Core.Strapi,
  roleType: 'public' | 'authenticated',
  actions: readonly string[],
): Promise<void> {
  const roles = strapi.db.query(`${UP}.role`);
  const role = await roles.findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" is missing`);
  const { name, description } = ROLE_NAMES[roleType];
  if (role.name !== name || role.description !== description) {
    await roles.update({ where: { id: role.id }, data: { name, description } });
  }
  const permissions = strapi.db.query(`${UP}.permission`);
  const granted = (await permissions.findMany({ where: { role: role.id } })) as Array<{
    id: number;
    action: string;
  }>;
  const wanted = new Set(actions);
  const have = new Set(granted.map((permission) => permission.action));
  const extra = granted.filter((permission) => !wanted.has(permission.action));
  if (extra.length > 0) {
    await permissions.deleteMany({
      where: { id: { $in: extra.map((permission) => permission.id) } },
    });
  }
  for (const action of actions.filter((candidate) => !have.has(candidate))) {
    await permissions.create({ data: { action, role: role.id } });
  }
}
