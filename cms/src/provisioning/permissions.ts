import type { Core } from '@strapi/strapi';

import type { Domain } from '../lib/domain';

const UP = 'plugin::users-permissions';

/**
 * The content-API actions of each role, composed from what each domain grants (its
 * permissions.ts): `public` for visitors, `authenticated` (the Owner role) for owners.
 */
export function roleActions(domains: readonly Domain[]): Record<RoleType, string[]> {
  const collect = (side: 'public' | 'owner') => [
    ...new Set(domains.flatMap((domain) => domain.permissions?.[side] ?? [])),
  ];
  return { public: collect('public'), authenticated: collect('owner') };
}

type RoleType = 'public' | 'authenticated';

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
  roleType: RoleType,
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

/** Makes every role's permissions exactly what the domains grant. */
export async function syncDomainPermissions(
  strapi: Core.Strapi,
  domains: readonly Domain[],
): Promise<void> {
  const actions = roleActions(domains);
  await syncRolePermissions(strapi, 'public', actions.public);
  await syncRolePermissions(strapi, 'authenticated', actions.authenticated);
}
