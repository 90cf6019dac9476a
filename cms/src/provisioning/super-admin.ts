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
