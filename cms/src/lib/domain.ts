import type { Core } from '@strapi/strapi';

/**
 * What a domain (src/api/<domain>) hands the app: the hooks src/index.ts runs for it, and
 * the content-API actions it grants. Strapi calls nothing here by itself; src/domains.ts
 * lists the domains and src/index.ts runs them in that order.
 */
export interface Domain {
  name: string;
  /** Synchronous wiring before the server starts: lifecycles, routes, middlewares. */
  register?(strapi: Core.Strapi): void;
  /** Boot-time work once the database is up (indexes, default content). */
  bootstrap?(strapi: Core.Strapi): Promise<void>;
  /** Content-API actions granted to visitors (`public`) and to signed-in owners (`owner`). */
  permissions?: { public?: readonly string[]; owner?: readonly string[] };
}
