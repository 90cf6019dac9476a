import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import securityHeaders from './security-headers';

// Stock `strapi::security` and this one, each in a Koa app of its own answering over real
// HTTP: every request must get exactly the same headers from both.
const fromStrapiCore = createRequire(require.resolve('@strapi/core/package.json'));
const Koa = fromStrapiCore('koa') as new () => {
  use(middleware: unknown): unknown;
  callback(): (req: unknown, res: unknown) => void;
};
const { security: stockSecurity } = fromStrapiCore('./dist/middlewares/security.js') as {
  security: (config: object, context: { strapi: Core.Strapi }) => unknown;
};

const strapi = {
  plugin: () => undefined,
  config: { get: (key: string) => (key === 'admin.path' ? '/admin' : undefined) },
} as unknown as Core.Strapi;

function appWith(middleware: unknown) {
  const app = new Koa();
  app.use(middleware);
  app.use((ctx: { body: string }) => {
    ctx.body = 'ok';
  });
  return app.callback();
}

// The shape config/middlewares.ts gives it, with and without an S3 origin.
const configs = [
  {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'connect-src': ["'self'", 'https:'],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'data:', 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
  },
  {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'connect-src': ["'self'", 'https:'],
        'img-src': ["'self'", 'data:', 'blob:', 'http://127.0.0.1:9000'],
        'media-src': ["'self'", 'data:', 'blob:', 'http://127.0.0.1:9000'],
        upgradeInsecureRequests: null,
      },
    },
  },
];

const requests: Array<['get' | 'post' | 'put', string]> = [
  ['get', '/api/vehicles'],
  ['put', '/api/vehicles/abc'],
  ['post', '/api/auth/local'],
  ['get', '/documentation/v1'],
  ['post', '/documentation/v1'],
  ['get', '/admin/content-manager'],
  ['post', '/admin/login'],
];

const compared = (headers: Record<string, string>) => {
  const { date, ...rest } = headers;
  void date;
  return rest;
};

describe('security headers built once', () => {
  for (const [index, config] of configs.entries()) {
    it(`sends what stock strapi::security sends, request by request (config ${index + 1})`, async () => {
      const stock = appWith(stockSecurity(config, { strapi }));
      const ours = appWith(securityHeaders(config, { strapi }));
      const policies = new Set<string>();
      for (const [method, path] of requests) {
        const expected = await request(stock)[method](path);
        const actual = await request(ours)[method](path);
        expect({ path, method, headers: compared(actual.headers) }).toEqual({
          path,
          method,
          headers: compared(expected.headers),
        });
        policies.add(actual.headers['content-security-policy']);
      }
      // The variants differ (the documentation and admin GETs get their own policies), so
      // the comparison above did compare them.
      expect(policies.size).toBeGreaterThanOrEqual(3);
    });
  }
});
