import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

// The helmet, lodash and CSP defaults @strapi/core's own `strapi::security` uses, resolved
// from where it is installed, so the headers stay exactly the ones it would send.
const fromStrapiCore = createRequire(require.resolve('@strapi/core/package.json'));
const helmet = fromStrapiCore('koa-helmet') as (
  config: object,
) => (ctx: Context, next: Next) => Promise<unknown>;
const fp = fromStrapiCore('lodash/fp') as {
  defaultsDeep: (defaults: object, config: object) => object;
  mergeWith: (
    customizer: (obj: unknown, src: unknown) => unknown,
    object: object,
    source: object,
  ) => object;
};
const { CSP_DEFAULTS } = fromStrapiCore('@strapi/utils') as { CSP_DEFAULTS: object };

const defaults = {
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  contentSecurityPolicy: {
    useDefaults: true,
    directives: { ...CSP_DEFAULTS, upgradeInsecureRequests: null },
  },
  xssFilter: false,
  hsts: { maxAge: 31536000, includeSubDomains: true },
  frameguard: { action: 'sameorigin' },
};

const mergeConfig = (existing: object, extra: object) =>
  fp.mergeWith(
    (obj, src) => (Array.isArray(obj) && Array.isArray(src) ? obj.concat(src) : undefined),
    existing,
    extra,
  );

/**
 * Replaces `strapi::security` (Strapi insists on the name) with the same headers, built once.
 * Stock Strapi 5.54 merges its defaults into the config and constructs a new helmet, CSP
 * directives and all, on every request: 110-230 µs of each owner request, as much as the
 * rest of the global chain together (bench:garage BENCH_MIDDLEWARE_TIMING=1). The three
 * variants it can build (any request; a GET under the documentation or GraphQL playground
 * paths; in development or test, a GET under the admin path, for Vite's HMR) are built here
 * at boot, with its conditions, defaults and merges unchanged.
 */
export default (config: object, { strapi }: { strapi: Core.Strapi }) => {
  const base = fp.defaultsDeep(defaults, config ?? {});
  const specialPaths = ['/documentation'];
  const directives: Record<string, string[]> = {
    'script-src': ["'self'", "'unsafe-inline'", 'cdn.jsdelivr.net'],
    'img-src': ["'self'", 'data:', 'cdn.jsdelivr.net', 'strapi.io'],
    'manifest-src': [],
    'frame-src': [],
  };
  const graphql = strapi.plugin('graphql') as
    | (Core.Plugin & { config: (key: string) => string })
    | undefined;
  if (graphql?.service('utils').playground.isEnabled()) {
    specialPaths.push(graphql.config('endpoint'));
    directives['script-src'].push(`https: 'unsafe-inline'`);
    directives['img-src'].push(`'apollo-server-landing-page.cdn.apollographql.com'`);
    directives['manifest-src'].push(`'self'`, 'apollo-server-landing-page.cdn.apollographql.com');
    directives['frame-src'].push(`'self'`, 'sandbox.embed.apollographql.com');
  }
  const special = mergeConfig(base, {
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: { directives },
  });
  const hmr = {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'connect-src': ["'self'", 'http:', 'https:', 'ws:'],
      },
    },
  };
  const adminPath = String(strapi.config.get('admin.path'));
  const devOrTest = ['development', 'test'].includes(process.env.NODE_ENV ?? '');

  const plain = helmet(base);
  const forSpecial = helmet(special);
  const forAdmin = helmet(mergeConfig(base, hmr));
  const forSpecialAdmin = helmet(mergeConfig(special, hmr));

  return (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET') return plain(ctx, next);
    const isSpecial = specialPaths.some((path) => ctx.path.startsWith(path));
    const isAdmin = devOrTest && ctx.path.startsWith(adminPath);
    if (isSpecial && isAdmin) return forSpecialAdmin(ctx, next);
    if (isSpecial) return forSpecial(ctx, next);
    if (isAdmin) return forAdmin(ctx, next);
    return plain(ctx, next);
  };
};
