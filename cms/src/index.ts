import type { Core } from '@strapi/strapi';
import { seedDemoData } from './demo';
import { DOMAINS } from './domains';
import boundedBody from './lib/body/bounded-body';
import { loadEnv } from './lib/env';
import securityHeaders from './lib/security-headers';
import { closeInfrastructure, registerInfrastructure } from './lib/infrastructure';
import { forgetLocalesOnChange } from './lib/locales';
import { indexRoutes } from './lib/route-index';
import { drainRequestsBeforeDestroy } from './lib/shutdown';
import { provision } from './provisioning';

/** Wires the shared services and the domains (src/domains.ts); no logic of its own. */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerInfrastructure(strapi);
    // Strapi requires a middleware named strapi::body; stock parses 200 MB on every route.
    strapi.get('middlewares').set('strapi::body', boundedBody);
    // The same headers as stock strapi::security, with its helmet built once instead of on
    // every request.
    strapi.get('middlewares').set('strapi::security', securityHeaders);
    // The router tests only the routes that can match a path, not all ~330 (lib/route-index.ts).
    indexRoutes(strapi.server.router);
    forgetLocalesOnChange(strapi);
    for (const domain of DOMAINS) domain.register?.(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = loadEnv();
    drainRequestsBeforeDestroy(strapi, env.SHUTDOWN_GRACE_SECONDS * 1000);
    await provision(strapi, env, DOMAINS);
    for (const domain of DOMAINS) await domain.bootstrap?.(strapi);
    if (env.SEED_DEMO_DATA) await seedDemoData(strapi, env);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeInfrastructure(strapi);
  },
};
