import type { Core } from '@strapi/strapi';
import { ADMIN_VIEWS } from '../admin-views';
import { applyAdminViews } from '../lib/admin-views';
import type { Domain } from '../lib/domain';
import type { PlatformEnv } from '../lib/env';
import { configureAccountEmails } from './account-emails';
import { syncEditorRole } from './editor-role';
import { ensureLocales } from './locales';
import { syncDomainPermissions } from './permissions';

/**
 * What every environment needs before it serves a request, production included: locales,
 * role permissions, the account email templates, the editor role and the content manager's
 * list and edit views (src/admin-views.ts). Idempotent.
 */
export async function provision(
  strapi: Core.Strapi,
  env: PlatformEnv,
  domains: readonly Domain[],
): Promise<void> {
  await ensureLocales(strapi);
  await syncDomainPermissions(strapi, domains);
  await configureAccountEmails(strapi, env.PORTAL_URL, env.EMAIL_FROM);
  await syncEditorRole(strapi);
  await applyAdminViews(strapi, ADMIN_VIEWS);
}
