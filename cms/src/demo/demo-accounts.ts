import type { Core } from '@strapi/strapi';

export interface Credentials {
  email: string;
  password: string;
}

/** Creates the first Super Admin unless an admin already exists. */
export async function ensureSuperAdmin(strapi: Core.Strapi, admin: Credentials): Promise<boolean> {
  const users = strapi.service('admin::user');
  if (await users.exists()) return false;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('the Super Admin role does not exist yet');
  await users.create({
    email: admin.email.toLowerCase(),
    firstname: 'MotorGhar',
    lastname: 'Admin',
    password: admin.password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info('super admin created', { email: admin.email.toLowerCase() });
  return true;
}

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
