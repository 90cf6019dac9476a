import type { Core } from '@strapi/strapi';
import { loadEnv } from './platform/env';
import { ensureDemoOwner, ensureSuperAdmin } from './platform/seed/demo-accounts';
import { seedDemoGarage } from './platform/seed/demo-garage';
import { ensureHomePage } from './platform/seed/home-page';
import { ensureLocales } from './platform/seed/locales';
import { syncEditorRole } from './platform/seed/editor-role';
import { OWNER_ACTIONS, PUBLIC_ACTIONS, syncRolePermissions } from './platform/seed/permissions';
import { subscribeOwnerLifecycles } from './platform/identity/owner-lifecycles';
import { subscribeSessionLifecycles } from './platform/identity/session-lifecycles';
import { configureAccountEmails } from './platform/seed/account-emails';
import { getService } from './platform/services';
import { registerOpsRoutes } from './platform/ops-routes';
import { invalidateCatalogCacheOnWrite } from './api/catalog/cache-invalidation';
import { catalogNeedsSeed, seedCatalog } from './api/catalog/seed-catalog';
import { ensureVehicleIndexes } from './api/vehicle/indexes';
import { ensureSignInIndexes } from './platform/identity/sign-in-account';
import { forgetLocalesOnChange } from './platform/locales';
import boundedBody from './middlewares/bounded-body';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Strapi requires a middleware named strapi::body; stock parses 200 MB on every route.
    strapi.get('middlewares').set('strapi::body', boundedBody);
    registerOpsRoutes(strapi);
    subscribeOwnerLifecycles(strapi);
    subscribeSessionLifecycles(strapi);
    invalidateCatalogCacheOnWrite(strapi);
    forgetLocalesOnChange(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = loadEnv();
    await ensureLocales(strapi);
    await ensureVehicleIndexes(strapi);
    await ensureSignInIndexes(strapi);
    await syncRolePermissions(strapi, 'public', PUBLIC_ACTIONS);
    await syncRolePermissions(strapi, 'authenticated', OWNER_ACTIONS);
    await configureAccountEmails(strapi, env.PORTAL_URL, env.EMAIL_FROM);
    await syncEditorRole(strapi);
    await ensureHomePage(strapi);
    if (env.SEED_DEMO_DATA) {
      if (await catalogNeedsSeed(strapi, env.CATALOG_DATA_DIR)) {
        const report = await seedCatalog(strapi, env.CATALOG_DATA_DIR);
        strapi.log.info('vehicle catalog seeded', report.created);
      }
      if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
        await ensureSuperAdmin(strapi, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
      }
      if (env.DEMO_OWNER_EMAIL && env.DEMO_OWNER_PASSWORD) {
        const ownerId = await ensureDemoOwner(strapi, {
          email: env.DEMO_OWNER_EMAIL,
          password: env.DEMO_OWNER_PASSWORD,
        });
        // Only a new demo owner: vehicles the owner deleted while trying things stay deleted.
        if (ownerId !== null) {
          strapi.log.info('demo garage seeded', {
            vehicles: await seedDemoGarage(strapi, ownerId),
          });
        }
      }
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'cache').close();
    await getService(strapi, 'counters').close();
  },
};
