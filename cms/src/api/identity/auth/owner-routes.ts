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
  /** A multipart upload route's limits and file types; see lib/openapi.ts. */
  upload?: unknown;
  /** Query parameters beside `locale`, for the OpenAPI document; see lib/openapi.ts. */
  query?: unknown;
  /** Headers the route reads, for the OpenAPI document; see lib/openapi.ts. */
  headers?: unknown;
  /** Path parameters described beyond the default; see lib/openapi.ts. */
  pathParameters?: unknown;
  /** Extra refusals by status, for the OpenAPI document; see lib/openapi.ts. */
  refusals?: Record<number, string>;
  /** What the route does, for the OpenAPI document's `description`. */
  description?: string;
}

export const OWNER_STRATEGIES = ['users-permissions'];

export function ownerRoutes<Route extends RouteInput>(routes: Route[]): Route[] {
  return routes.map((route) => ({
    ...route,
    config: { ...route.config, auth: { strategies: OWNER_STRATEGIES } },
  }));
}
