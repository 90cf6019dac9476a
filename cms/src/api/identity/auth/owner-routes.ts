/**
 * Routes that act for the signed-in owner. They accept the owner's bearer JWT only: an admin
 * API token has no owner to scope to (stock Strapi would let a full-access token through to
 * a controller with no user), and skipping the API-token strategy also saves the database
 * lookup stock Strapi makes for it on every request before it tries the owner's JWT.
 */
interface RouteInput {
  method: string;
  path: string;
  handler: string;
  config?: Record<string, unknown>;
  /** The `zod/v4` schema of `data` in a `{ data: { … } }` body; see lib/openapi.ts. */
  body?: unknown;
  /** A multipart upload route's limits and file types; see platform/openapi.ts. */
  upload?: unknown;
  /** What the route does, and its path parameters, for the OpenAPI document (lib/openapi.ts). */
  description?: string;
  params?: Record<string, string>;
}

export const OWNER_STRATEGIES = ['users-permissions'];

export function ownerRoutes<Route extends RouteInput>(routes: Route[]): Route[] {
  return routes.map((route) => ({
    ...route,
    config: { ...route.config, auth: { strategies: OWNER_STRATEGIES } },
  }));
}
