import type { Core } from '@strapi/strapi';

/**
 * Liveness, readiness and metrics live at the root, where probes and scrapers expect them,
 * rather than under the content API's /api prefix.
 */
export const OPS_ROUTES: Array<Omit<Core.Route, 'info'>> = [
  {
    method: 'GET',
    path: '/healthz',
    handler: 'api::ops.ops.liveness',
    config: { auth: false },
  },
  {
    method: 'GET',
    path: '/readyz',
    handler: 'api::ops.ops.readiness',
    config: { auth: false },
  },
  {
    method: 'GET',
    path: '/metrics',
    handler: 'api::ops.ops.metrics',
    config: { auth: false, policies: ['api::ops.metrics-token'] },
  },
];

/** Mounts {@link OPS_ROUTES} on the server's root router. */
export function registerOpsRoutes(strapi: Core.Strapi): void {
  strapi.server.routes(
    // Copies: Strapi writes into a route's config as it mounts it.
    OPS_ROUTES.map((route) => ({ ...route, config: { ...route.config } })),
  );
}
