// Runs one task against the compiled CMS, for the npm scripts in this folder: loads the
// repository's .env (without overriding the environment; not under NODE_ENV=test), boots Strapi without serving
// anything, runs the task, and shuts down cleanly.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

/** Requires a compiled module of the CMS, e.g. `dist('src/lib/openapi.js')`. */
const dist = (file) => require(path.join(appDir, 'dist', file));

async function withStrapi(name, task) {
  try {
    // Tests give their whole environment: the developer's .env (demo admin and owner,
    // SEED_DEMO_DATA) must not fill the gaps a test leaves on purpose.
    const rootEnv = path.resolve(appDir, '..', '.env');
    if (process.env.NODE_ENV !== 'test' && existsSync(rootEnv)) process.loadEnvFile(rootEnv);
    process.env.SERVE_ADMIN_PANEL = 'false';
    const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
    try {
      await strapi.load();
      console.log(`${name}: ${await task(strapi)}`);
    } finally {
      // Some Strapi hooks (usage counts after admin and content writes) are not awaited;
      // let them finish before the connection pool closes under them. A failed load may
      // leave Strapi unable to shut down cleanly: that must not hide the first error.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await strapi.destroy().catch(() => undefined);
    }
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    process.exit(1);
  }
}

module.exports = { appDir, dist, withStrapi };
