// `npm run photos:migrate`: moves owners' vehicle photos stored by the upload plugin (the
// public /uploads folder, or its bucket) into the private store, once, after the release that
// keeps photos there. Safe to run again; it moves only what is left.
const { dist, withStrapi } = require('./with-strapi');

withStrapi('photos:migrate', async (strapi) => {
  const { migrateLegacyPhotos } = dist('src/api/vehicle/photo-migration.js');
  const { moved, skipped, failed } = await migrateLegacyPhotos(strapi);
  if (failed > 0) process.exitCode = 1;
  return `moved ${moved} photos, left ${skipped} that are not photos, ${failed} failed (see the log)`;
});
