import type { Core } from '@strapi/strapi';
import type { Credentials } from '../provisioning/super-admin';

/**
 * Creates a confirmed owner account for trying the portal, unless that email exists; answers
 * the new owner's id, or null when there was one already.
 */
export async function ensureDemoOwner(
  strapi: Core.Strapi,
  owner: Credentials,
): Promise<number | null> {
  const email = owner.email.toLowerCase();
  const users = strapi.db.query('plugin::users-permissions.user');
  if (await users.findOne({ where: { email } })) return null;
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const created = (await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: email.split('@')[0],
      email,
      password: owner.password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    })) as { id: number };
  strapi.log.info('demo owner created', { email });
  return created.id;
}
