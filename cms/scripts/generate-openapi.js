// `npm run openapi -w cms`: regenerates openapi/content-api.json from the compiled CMS.
// Boots Strapi on a throwaway SQLite file with throwaway secrets; nothing is served.
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
const { contentApiDocument, OPENAPI_DOCUMENT_PATH } = require(
  path.join(appDir, 'dist/src/platform/openapi.js'),
);

async function main() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'mg-openapi-'));
  const secret = () => randomBytes(24).toString('base64url');
  Object.assign(process.env, {
    NODE_ENV: 'development',
    SERVE_ADMIN_PANEL: 'false',
    LOG_LEVEL: 'error',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_URL: '',
    DATABASE_FILENAME: path.join(scratch, 'openapi.db'),
    REDIS_URL: '',
    SEED_DEMO_DATA: 'false',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    METRICS_TOKEN: secret(),
  });
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  try {
    await strapi.load();
    strapi.server.mount();
    const target = path.join(appDir, OPENAPI_DOCUMENT_PATH);
    writeFileSync(target, `${JSON.stringify(contentApiDocument(strapi), null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  } finally {
    await strapi.destroy();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
