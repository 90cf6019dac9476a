import type { Core } from '@strapi/strapi';

/**
 * Points account emails (password reset) at the portal and keeps sign-up open with unique
 * emails and no confirmation step. Rewritten at every boot so PORTAL_URL changes apply.
 */
export async function configureAccountEmails(
  strapi: Core.Strapi,
  portalUrl: string,
): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const wanted = {
    ...advanced,
    unique_email: true,
    allow_register: true,
    email_confirmation: false,
    default_role: 'authenticated',
    email_reset_password: `${portalUrl.replace(/\/$/, '')}/en/reset-password`,
  };
  if (JSON.stringify(wanted) !== JSON.stringify(advanced)) {
    await store.set({ key: 'advanced', value: wanted });
  }
}
