import type { Core } from '@strapi/strapi';
import type { Actor } from './chain';

export interface RequestOrigin {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
}

interface AuthState {
  user?: { id?: unknown; email?: string; username?: string; name?: string };
  auth?: { strategy?: { name?: string }; credentials?: { id?: unknown; name?: string } };
}

const text = (value: unknown) => (value === undefined || value === null ? null : String(value));

/**
 * Who is behind the write now running, read from the request Strapi is serving (its
 * AsyncLocalStorage). Null outside a request: boot provisioning and seeds are the app's own.
 */
export function currentOrigin(strapi: Core.Strapi): RequestOrigin | null {
  const ctx = strapi.requestContext.get() as
    | { state?: AuthState; request?: { ip?: string }; get?: (name: string) => string }
    | undefined;
  if (!ctx) return null;
  const state = ctx.state ?? {};
  const strategy = state.auth?.strategy?.name;
  const user = state.user;
  let actor: Actor;
  if (strategy === 'admin' && user) {
    actor = { kind: 'admin', id: text(user.id), name: user.email ?? null };
  } else if (strategy === 'api-token') {
    const token = state.auth?.credentials;
    actor = {
      kind: 'system',
      id: text(token?.id),
      name: token?.name ? `api-token:${token.name}` : 'api-token',
    };
  } else if (user) {
    actor = { kind: 'owner', id: text(user.id), name: user.email ?? user.username ?? null };
  } else {
    actor = { kind: 'system', id: null, name: 'anonymous' };
  }
  return {
    actor,
    ip: ctx.request?.ip ?? null,
    userAgent: ctx.get?.('user-agent') || null,
  };
}
