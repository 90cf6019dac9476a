// The CMS as production runs it (NODE_ENV=production, compiled, JSON request logs), for the
// benchmarks. Configuration comes from the environment the benchmark passes.
//
// BENCH_MIDDLEWARE_TIMING=1 times each Koa middleware of the chain (the global ones in
// config/middlewares.ts order, then the router, which holds the route's policies, controller
// and service): its own time per request, the time until it calls the next one plus the time
// after that one returns. Sent to the parent (IPC) when it asks with { middlewareTiming: true }.
// Read it on one connection: with requests interleaved, a middleware's wait is another's work.
import { createRequire } from 'node:module';
import path from 'node:path';

const cmsDir = path.resolve(import.meta.dirname, '..', 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const { createStrapi } = require('@strapi/strapi');

// BENCH_DIST_DIR: another build of the CMS (a copy of cms/dist), to compare two builds.
const distDir = process.env.BENCH_DIST_DIR ?? path.join(cmsDir, 'dist');
const strapi = createStrapi({ appDir: cmsDir, distDir });

if (process.env.BENCH_MIDDLEWARE_TIMING === '1') {
  await strapi.load();
  strapi.server.mount();
  const app = strapi.server.app;
  const configured = strapi.config
    .get('middlewares')
    .map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? entry.resolve ?? '?')));
  // Strapi puts its own in front of the configured ones (the request context store, the
  // session), and the router's two after them.
  const internal = app.middleware.length - configured.length - 2;
  const names = [
    ...app.middleware.slice(0, internal).map((fn, index) => `strapi internal: ${fn.name || index}`),
    ...configured,
    'router (route, policies, controller)',
    'router: allowed methods',
  ];
  const totals = app.middleware.map((_, index) => ({
    name: names[index] ?? `#${index}`,
    ns: 0n,
    calls: 0,
  }));
  app.middleware = app.middleware.map((middleware, index) => {
    const total = totals[index];
    return async function timed(ctx, next) {
      let mark = process.hrtime.bigint();
      let own = 0n;
      try {
        return await middleware(ctx, async () => {
          own += process.hrtime.bigint() - mark;
          try {
            return await next();
          } finally {
            mark = process.hrtime.bigint();
          }
        });
      } finally {
        own += process.hrtime.bigint() - mark;
        total.ns += own;
        total.calls += 1;
      }
    };
  });
  process.on('message', (message) => {
    if (!message?.middlewareTiming) return;
    process.send?.({
      middlewareTiming: totals.map(({ name, ns, calls }) => ({
        name,
        calls,
        microseconds: calls ? Number(ns / BigInt(calls)) / 1000 : 0,
      })),
    });
    for (const total of totals) {
      total.ns = 0n;
      total.calls = 0;
    }
  });
}

await strapi.start();
