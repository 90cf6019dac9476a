// The compiled CMS as `strapi start` runs it: listening on PORT, with Strapi's own SIGTERM and
// SIGINT handling, in a process of its own so a test can stop it with a signal. Configuration
// comes from the environment the test passes.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
createStrapi({ appDir, distDir: path.join(appDir, 'dist') })
  .start()
  .then(() => process.send?.({ type: 'ready' }));
