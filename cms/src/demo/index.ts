import type { Core } from '@strapi/strapi';
import { catalogNeedsSeed, seedCatalog } from '../api/catalog/seed-catalog';
import type { PlatformEnv } from '../lib/env';
import { ensureSuperAdmin } from '../provisioning/super-admin';
import { ensureDemoOwner } from './demo-accounts';
import { seedDemoCenters } from './demo-centers';
import { seedDemoGarage } from './demo-garage';
import { seedDemoNews } from './demo-news';

/**
 * Demo data (SEED_DEMO_DATA): the catalog, sample service centers, an admin, a demo owner
 * and their garage, sample news and recalls.
 */
export async function seedDemoData(strapi: Core.Strapi, env: PlatformEnv): Promise<void> {
  if (await catalogNeedsSeed(strapi, env.CATALOG_DATA_DIR)) {
    const report = await seedCatalog(strapi, env.CATALOG_DATA_DIR);
    strapi.log.info('vehicle catalog seeded', report.created);
  }
  const centers = await seedDemoCenters(strapi);
  if (centers > 0) strapi.log.info('sample service centers seeded', { centers });
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
      strapi.log.info('demo garage seeded', { vehicles: await seedDemoGarage(strapi, ownerId) });
    }
  }
  const news = await seedDemoNews(strapi);
  if (Object.keys(news).length > 0) strapi.log.info('sample news and recalls seeded', news);
}
