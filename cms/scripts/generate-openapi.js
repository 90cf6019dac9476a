// `npm run openapi -w cms`: regenerates openapi/content-api.json from the compiled CMS.
// Boots Strapi on a throwaway SQLite file with throwaway secrets; nothing is served.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { throwawaySecrets } = require('./throwaway-secrets');
const { appDir, dist, withStrapi } = require('./with-strapi');

const scratch = mkdtempSync(path.join(tmpdir(), 'mg-openapi-'));
Object.assign(process.env, {
  NODE_ENV: 'development',
  LOG_LEVEL: 'error',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_URL: '',
  DATABASE_FILENAME: path.join(scratch, 'openapi.db'),
  REDIS_URL: '',
  SEED_DEMO_DATA: 'false',
  ...throwawaySecrets(),
});

withStrapi('openapi', async (strapi) => {
  const { contentApiDocument, OPENAPI_DOCUMENT_PATH } = dist('src/lib/openapi.js');
  strapi.server.mount();
  const target = path.join(appDir, OPENAPI_DOCUMENT_PATH);
  writeFileSync(target, `${JSON.stringify(contentApiDocument(strapi), null, 2)}\n`);
  rmSync(scratch, { recursive: true, force: true });
  return `wrote ${path.relative(process.cwd(), target)}`;
});
