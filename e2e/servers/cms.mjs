// Starts the compiled CMS for the browser tests on a database of its own, dropped on exit,
// storing uploads in an S3 bucket (s3rver on loopback) as production does.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_PORT, PORTAL_PORT, S3_PORT, SMS_PORT } from './ports.mjs';
import { E2E_ADMIN, ensureAdminPanel } from './admin-panel.mjs';
import { throwawaySecrets } from '../../cms/scripts/throwaway-secrets.js';
import { CMS_CHAIN } from '../../scripts/dev-env.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const { Client } = require('pg');
const { createStrapi } = require('@strapi/strapi');
const { startTestBucket } = require(path.join(cmsDir, 'scripts', 'test-bucket.js'));

const adminUrl =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `mg_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;

async function admin(sql) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops e2e databases that runs killed outright left behind: those over an hour old (never
 * a running one's: their names carry their start time).
 */
async function dropLeftovers() {
  const { rows } = await admin("SELECT datname FROM pg_database WHERE datname LIKE 'mg_e2e_%'");
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const { datname } of rows) {
    const started = Number(datname.split('_')[2]);
    if (Number.isFinite(started) && started < hourAgo) {
      await admin(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

execFileSync('npm', ['run', 'compile', '-w', 'cms'], { cwd: root, stdio: 'inherit' });
const secrets = throwawaySecrets();
// The audit-log test signs into the admin panel, so it is built (or taken from the cache).
ensureAdminPanel({ root, cmsDir, env: secrets });
await dropLeftovers();
await admin(`CREATE DATABASE "${database}"`);

// The browser PUTs documents straight to the bucket (presigned), from the portal's pages.
const bucket = await startTestBucket('motorghar-e2e', {
  port: S3_PORT,
  corsOrigins: [`http://127.0.0.1:${PORTAL_PORT}`],
});

const url = new URL(adminUrl);
url.pathname = `/${database}`;
Object.assign(process.env, {
  NODE_ENV: 'test',
  // As `npm run dev` and compose: on loopback, behind the portal as its one trusted proxy, so
  // the browser tests run the production chain of client addresses.
  ...CMS_CHAIN,
  PORT: String(CMS_PORT),
  SERVE_ADMIN_PANEL: 'true',
  // Every admin spec signs in as the same Super Admin from one address.
  ADMIN_LOGIN_MAX_ATTEMPTS: '100',
  DATABASE_URL: url.toString(),
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  CACHE_PREFIX: `${database}:`,
  PORTAL_URL: `http://127.0.0.1:${PORTAL_PORT}`,
  // E2E_EMBEDDED_STORAGE=1: no S3, so documents take the embedded default's way (the private
  // folder, uploads through the portal's PUT route, signed download links of the API).
  ...(process.env.E2E_EMBEDDED_STORAGE ? {} : bucket.env),
  ...secrets,
  // SMS goes to a gateway on SMS_PORT, where nothing listens unless a test opens it: an SMS
  // fails at its first attempt (one attempt only), so the admin's deliveries page has a failed
  // one to retry. The tick runs every 5 s rather than every minute, so a test need not wait.
  SMS_PROVIDER: 'http',
  SMS_BASE_URL: `http://127.0.0.1:${SMS_PORT}/send`,
  SMS_TOKEN: 'e2e-sms-token',
  REMINDERS_MAX_ATTEMPTS: '1',
  REMINDERS_TICK_CRON: '*/5 * * * * *',
  LOG_LEVEL: 'warn',
});

const strapi = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await strapi.destroy();
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await bucket.close();
    process.exit(0);
  }
}
// Strapi's own handlers exit the process as soon as it is destroyed, before the database is
// dropped: ours replace them.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.removeAllListeners(signal);
  process.on(signal, stop);
}
// The garage tests choose makes, models and trims from the small fixture catalog; it is
// seeded before the server listens, so no test can see an empty catalog.
await strapi.load();
const { seedCatalog } = require(
  path.join(cmsDir, 'dist', 'src', 'api', 'catalog', 'seed-catalog.js'),
);
await seedCatalog(strapi, path.join(cmsDir, 'tests', 'fixtures', 'catalog'));
// The finder's tests read the sample service centers (150+, all seven provinces), as the
// embedded default seeds them.
const { seedDemoCenters } = require(path.join(cmsDir, 'dist', 'src', 'demo', 'demo-centers.js'));
await seedDemoCenters(strapi);
const { ensureSuperAdmin } = require(
  path.join(cmsDir, 'dist', 'src', 'provisioning', 'super-admin.js'),
);
await ensureSuperAdmin(strapi, E2E_ADMIN);
await strapi.start();
