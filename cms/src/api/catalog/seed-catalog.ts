import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { readCatalog } from './catalog-data';
import { getCatalogService } from './services';

/** `database/catalog` of the repository (the CMS runs from cms/ or cms/dist). */
export const DEFAULT_CATALOG_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'database',
  'catalog',
);

/** Seeds the catalog from `directory`; safe to run again. */
export async function seedCatalog(strapi: Core.Strapi, directory = DEFAULT_CATALOG_DIR) {
  const seeder = getCatalogService(strapi, 'catalog-seed');
  return seeder.seed(readCatalog(directory));
}

/** True on a new database (no make yet) when there is seed data to load. */
export async function catalogNeedsSeed(
  strapi: Core.Strapi,
  directory = DEFAULT_CATALOG_DIR,
): Promise<boolean> {
  if (!existsSync(path.join(directory, 'makes'))) return false;
  return (await strapi.db.query('api::catalog.make').count({})) === 0;
}
