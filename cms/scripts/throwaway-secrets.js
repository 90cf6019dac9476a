const { randomBytes } = require('node:crypto');

const secret = () => randomBytes(32).toString('base64url');

/**
 * Fresh random values for every secret the CMS requires, for runs whose data is thrown away
 * (tests, benchmarks, document generation). Never for a deployment.
 */
function throwawaySecrets() {
  return {
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    METRICS_TOKEN: secret(),
  };
}

module.exports = { throwawaySecrets };
