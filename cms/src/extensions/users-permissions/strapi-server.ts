import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { loadEnv } from '../../lib/env';
import { AUTH_ROUTE_GUARDS } from '../../api/identity/auth/auth-route-guards';
import { withLiveSessions } from '../../api/identity/auth/live-sessions';
import { withCachedOwners, type AuthStrategy } from '../../api/identity/auth/owner-authentication';
import { getIdentityService } from '../../api/identity/services';

type Middleware = string | { name: string; config?: unknown };

interface PluginRoute {
  handler: string;
  config?: { middlewares?: Middleware[]; [key: string]: unknown };
}

interface UsersPermissionsPlugin {
  register: (deps: { strapi: Core.Strapi }) => Promise<void> | void;
  routes: { 'content-api': { routes: PluginRoute[] } } & Record<string, unknown>;
  controllers: Record<string, (deps: { strapi: Core.Strapi }) => Record<string, unknown>>;
}

type Action = (ctx: Context) => Promise<unknown>;

const nameOf = (middleware: Middleware) =>
  typeof middleware === 'string' ? middleware : middleware.name;

/**
 * Replaces stock in-memory rate limiting with ours and adds the guards of each route. The
 * route objects outlive a boot (a second boot in one process, as in the integration tests,
 * sees them already guarded), so guards added before are dropped first: each runs once.
 */
function guardRoutes(plugin: UsersPermissionsPlugin): void {
  const ours = new Set(Object.values(AUTH_ROUTE_GUARDS).flatMap((list) => list.map(nameOf)));
  for (const route of plugin.routes['content-api'].routes) {
    const guards = AUTH_ROUTE_GUARDS[route.handler];
    const stock = (route.config?.middlewares ?? []).filter(
      (middleware) =>
        middleware !== 'plugin::users-permissions.rateLimit' && !ours.has(nameOf(middleware)),
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
    const sessions = () => getIdentityService(deps.strapi, 'sessions');
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

/**
 * Wraps the content-API strategy the plugin registers (the plugin offers no other way in):
 * always with the session-liveness check, so a revoked token is refused on every route this
 * strategy authenticates however its path is spelled, and with cached owners unless
 * SIGN_IN_CACHE=false.
 */
function wrapOwnerStrategy(plugin: UsersPermissionsPlugin): void {
  const register = plugin.register;
  plugin.register = async ({ strapi }) => {
    const auth = strapi.get('auth') as {
      register(type: string, strategy: AuthStrategy): unknown;
    };
    const stockRegister = auth.register;
    auth.register = function (type, strategy) {
      if (type !== 'content-api' || strategy.name !== 'users-permissions') {
        return stockRegister.call(this, type, strategy);
      }
      const signIn = loadEnv().SIGN_IN_CACHE ? withCachedOwners(strapi, strategy) : strategy;
      return stockRegister.call(this, type, withLiveSessions(strapi, signIn));
    };
    try {
      await register({ strapi });
    } finally {
      auth.register = stockRegister;
    }
  };
}

export default (plugin: UsersPermissionsPlugin) => {
  guardRoutes(plugin);
  hardenSessions(plugin);
  wrapOwnerStrategy(plugin);
  return plugin;
};
