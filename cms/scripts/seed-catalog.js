// `npm run seed:catalog`: loads database/catalog into the configured database. Idempotent:
// creates what is missing and never changes an existing entry (admins' edits stay).
const { dist, withStrapi } = require('./with-strapi');

withStrapi('seed:catalog', async (strapi) => {
  const { seedCatalog } = dist('src/api/catalog/seed-catalog.js');
  const started = Date.now();
  const { created } = await seedCatalog(strapi, process.env.CATALOG_DATA_DIR || undefined);
  return (
    `created ${created.makes} makes, ${created.models} models, ${created.trims} trims, ` +
    `${created.localizations} translations in ${Date.now() - started} ms`
  );
});
