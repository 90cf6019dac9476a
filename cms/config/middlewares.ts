import { loadEnv } from '../src/lib/env';

function s3Origin(endpoint: string | undefined): string[] {
  return endpoint ? [new URL(endpoint).origin] : [];
}

export default () => {
  const env = loadEnv();
  const origins = env.CORS_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [env.PORTAL_URL];
  const mediaSources = ["'self'", 'data:', 'blob:', ...s3Origin(env.S3_ENDPOINT)];
  return [
    // First, so every request gets an id, a log line and a latency sample, errors included.
    'api::ops.request-context',
    'strapi::errors',
    // Domain errors (src/lib/errors.ts) answered as Strapi's, for controllers, policies and
    // route middlewares alike: the one place they are mapped.
    'global::domain-errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'", 'https:'],
            'img-src': mediaSources,
            'media-src': mediaSources,
            upgradeInsecureRequests: null,
          },
        },
      },
    },
    { name: 'strapi::cors', config: { origin: origins, credentials: true } },
    'strapi::poweredBy',
    'strapi::query',
    // Ours, not stock (src/lib/body/bounded-body.ts, set under this name in src/index.ts,
    // as Strapi insists on the name): bounded bodies, files only on upload routes, no temp
    // file kept.
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    // Files from public/ (uploads included) are never served as active content.
    'global::static-file-policy',
    'strapi::public',
  ];
};
