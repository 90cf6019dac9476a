import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../platform/services';
import { AUTH_ROUTE_GUARDS } from '../../platform/identity/auth-route-guards';

type Middleware = string | { name: string; config?: unknown };

interface PluginRoute {
  handler: string;
  config?: { middlewares?: Middleware[]; [key: string]: unknown };
}

interface UsersPermissionsPlugin {
  routes: { 'content-api': { routes: PluginRoute[] } } & Record<string, unknown>;
  controllers: Record<string, (deps: { strapi: Core.Strapi }) => Record<string, unknown>>;
}

type Action = (ctx: Context) => Promise<unknown>;

/** Replaces stock in-memory rate limiting with ours and adds the guards of each route. */
function guardRoutes(plugin: UsersPermissionsPlugin): void {
  for (const route of plugin.routes['content-api'].routes) {
    const guards = AUTH_ROUTE_GUARDS[route.handler];
    const stock = (route.config?.middlewares ?? []).filter(
      (middleware) => middleware !== 'plugin::users-permissions.rateLimit',
    );
    route.config = { ...route.config, middlewares: [...(guards ?? []), ...stock] };
  }
}

/**
 * Refresh with reuse detection, and logout that ends the whole session family (stock
 * logout only deletes the newest refresh token, leaving older access tokens usable).
 */
function hardenSessions(plugin: UsersPermissionsPlugin): void {
  const createAuth = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => {
    const stock = createAuth(deps) as Record<string, Action>;
    const sessions = () => getService(deps.strapi, 'sessions');
    return {
      ...stock,
      async refresh(ctx: Context) {
        const body = (ctx.request as { body?: { refreshToken?: unknown } }).body;
        if (
          typeof body?.refreshToken === 'string' &&
          (await sessions().revokeOnReplay(body.refreshToken))
        ) {
          return ctx.unauthorized('Invalid refresh token');
        }
        return stock.refresh(ctx);
      },
      async logout(ctx: Context) {
        const sessionId = (ctx.state.session as { id?: string } | undefined)?.id;
        if (sessionId) await sessions().revokeFamily(sessionId);
        return stock.logout(ctx);
      },
    };
  };
}

export default (plugin: UsersPermissionsPlugin) => {
  guardRoutes(plugin);
  hardenSessions(plugin);
  return plugin;
};
