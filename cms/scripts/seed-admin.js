// `npm run seed:admin`: creates the first Super Admin from ADMIN_EMAIL and ADMIN_PASSWORD,
// on the database the environment configures. Does nothing when an admin exists already.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
const dist = (file) => require(path.join(appDir, 'dist/src/platform', file));

async function main() {
  const rootEnv = path.resolve(appDir, '..', '.env');
  if (existsSync(rootEnv)) process.loadEnvFile(rootEnv);
  const { adminCredentialsProblem } = dist('seed/admin-credentials.js');
  const { ensureSuperAdmin } = dist('seed/demo-accounts.js');
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = process.env;
  const problem = adminCredentialsProblem(email, password);
  if (problem) {
    console.error(`seed:admin: ${problem}`);
    process.exit(1);
  }
  process.env.SERVE_ADMIN_PANEL = 'false';
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  try {
    await strapi.load();
    const created = await ensureSuperAdmin(strapi, { email, password });
    console.log(
      created
        ? `seed:admin: created the Super Admin ${email.toLowerCase()}`
        : 'seed:admin: an admin already exists; nothing changed',
    );
  } finally {
    // Creating an admin starts an un-awaited usage count; let it finish before the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`seed:admin: ${error.message}`);
  process.exit(1);
});
