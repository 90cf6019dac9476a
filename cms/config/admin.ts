import { loadEnv } from '../src/lib/env';

export default () => {
  const env = loadEnv();
  return {
    serveAdminPanel: env.SERVE_ADMIN_PANEL,
    auth: { secret: env.ADMIN_JWT_SECRET },
    apiToken: { salt: env.API_TOKEN_SALT },
    transfer: { token: { salt: env.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: env.ENCRYPTION_KEY },
    flags: { nps: false, promoteEE: false },
    rateLimit: { enabled: true, interval: { min: 5 }, max: env.ADMIN_LOGIN_MAX_ATTEMPTS },
    // `strapi develop` restarts on a plugin's build stamp, not on its sources: a restart
    // before the plugin's own watcher has rebuilt it would load the old build
    // (scripts/build-plugins.js --watch).
    watchIgnoreFiles: ['**/src/plugins/*/server/**'],
  };
};
