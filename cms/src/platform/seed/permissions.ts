import type { Core } from '@strapi/strapi';

/** Content API actions anyone may call without signing in. */
export const PUBLIC_ACTIONS = ['api::home-page.home-page.find'] as const;

/** Grants each action to the users-permissions role of `roleType`, once. */
export async function grantActions(
  strapi: Core.Strapi,
  roleType: 'public' | 'authenticated',
  actions: readonly string[],
): Promise<void> {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" is missing`);
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = await permissions.findMany({
    where: { role: role.id, action: { $in: [...actions] } },
  });
  const have = new Set(granted.map((permission: { action: string }) => permission.action));
  for (const action of actions.filter((candidate) => !have.has(candidate))) {
    await permissions.create({ data: { action, role: role.id } });
  }
}
