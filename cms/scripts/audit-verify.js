// `npm run audit:verify`: walks the audit log's hash chain from its oldest row. Exit 0 and
// "chain intact: N rows", or exit 1 naming the first row where the chain breaks.
const { withStrapi } = require('./with-strapi');

withStrapi('audit:verify', async (strapi) => {
  const result = await strapi.plugin('audit-log').service('log').verify();
  if (result.ok) return `chain intact: ${result.rows} rows`;
  throw new Error(
    `chain broken at row ${result.brokenAt}: ${result.reason} (${result.rows} rows before it verified)`,
  );
});
