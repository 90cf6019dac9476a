// `npm run seed:catalog`: loads database/catalog into the configured database. Idempotent:
// creates what is missing and never changes an existing entry (admins' edits stay).
const { existsSync } = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

async function main() {
  const rootEnv = path.resolve(appDir, '..', '.env');
  if (existsSync(rootEnv)) process.loadEnvFile(rootEnv);
  process.env.SERVE_ADMIN_PANEL = 'false';
  const { seedCatalog } = require(path.join(appDir, 'dist/src/api/catalog/seed-catalog.js'));
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  try {
    await strapi.load();
    const started = Date.now();
    const { created } = await seedCatalog(strapi, process.env.CATALOG_DATA_DIR || undefined);
    console.log(
      `seed:catalog: created ${created.makes} makes, ${created.models} models, ` +
        `${created.trims} trims, ${created.localizations} translations in ${Date.now() - started} ms`,
    );
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`seed:catalog: ${error.message}`);
  process.exit(1);
});
