import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getCache } from '../../../lib/infrastructure';

type Ability = unknown;
/** What the content API's permission engine builds an ability from. */
type ContentApiPermission = Parameters<
  Core.Strapi['contentAPI']['permissions']['engine']['generateAbility']
>[0][number];

interface AuthResult {
  authenticated?: boolean;
  credentials?: unknown;
  ability?: Ability;
  error?: string;
}

export interface AuthStrategy {
  name: string;
  authenticate(ctx: Context): Promise<AuthResult>;
  verify?(auth: unknown, config: unknown): Promise<void> | void;
}

/** What a request needs to know of its owner; never the password or any token. */
interface SignedInOwner {
  id: number;
  documentId: string;
  username: string;
  email: string;
  confirmed: boolean;
  blocked: boolean;
  role: { id: number; type: string; name: string };
}

const OWNER_TTL_SECONDS = 60;
const ABILITY_TTL_MS = 30_000;
export const OWNER_CACHE_PREFIX = 'signed-in-owner:';

/**
 * The stock users-permissions strategy, made cheap for owners with a bearer token: the token
 * is verified as before, but the owner and their role's ability come from caches instead of
 * three queries and an ability build per request; a visitor (no Authorization header) gets
 * stock's own answer for the public role, kept for ABILITY_TTL_MS instead of rebuilt per
 * request. Anything unusual (a token it cannot verify, a blocked or unconfirmed owner) goes
 * to the stock code, so the answers stay exactly the stock ones. Revoked sessions are refused around this (live-sessions.ts).
 */
export function withCachedOwners(strapi: Core.Strapi, stock: AuthStrategy): AuthStrategy {
  const abilities = new Map<number, { ability: Promise<Ability>; expiresAt: number }>();
  // What a request without credentials gets: the public role's ability, as stock builds it
  // on every such request (a query and an ability build), kept as long as a role's.
  let visitor: { result: Promise<AuthResult>; expiresAt: number } | null = null;
  const forgetAbilities = () => {
    abilities.clear();
    visitor = null;
  };
  // jsonwebtoken turns a string secret into a key on every verify, trying it as a PEM public
  // key first and catching the failure: about 1 ms of CPU per request here. A KeyObject made
  // once skips that; it is remade only if the configured secret changes.
  let secretKey: { source: string; key: KeyObject } | null = null;
  const secret = (): KeyObject => {
    const source = strapi.config.get<string>('plugin::users-permissions.jwtSecret');
    if (secretKey?.source !== source) {
      secretKey = { source, key: createSecretKey(Buffer.from(source, 'utf8')) };
    }
    return secretKey.key;
  };
  const cache = () => getCache(strapi);

  async function ownerById(id: number): Promise<SignedInOwner | null> {
    const key = `${OWNER_CACHE_PREFIX}${id}`;
    const cached = await cache()
      .get<SignedInOwner>(key)
      .catch(() => undefined);
    if (cached) return cached;
    const user = (await strapi.db.query('plugin::users-permissions.user').findOne({
      where: { id },
      select: ['id', 'documentId', 'username', 'email', 'confirmed', 'blocked'],
      populate: { role: { select: ['id', 'type', 'name'] } },
    })) as SignedInOwner | null;
    if (user?.role) {
      await cache()
        .set(key, user, OWNER_TTL_SECONDS)
        .catch(() => undefined);
    }
    return user;
  }

  function abilityOf(roleId: number): Promise<Ability> {
    const known = abilities.get(roleId);
    if (known && known.expiresAt > Date.now()) return known.ability;
    const permissions = strapi.plugin('users-permissions').service('permission');
    const ability = permissions
      .findRolePermissions(roleId)
      .then((found: unknown[]): ContentApiPermission[] =>
        found.map(permissions.toContentAPIPermission),
      )
      .then((found: ContentApiPermission[]) =>
        strapi.contentAPI.permissions.engine.generateAbility(found),
      );
    abilities.set(roleId, { ability, expiresAt: Date.now() + ABILITY_TTL_MS });
    ability.catch(() => abilities.delete(roleId));
    return ability;
  }

  /** Stock's answer for a request without an Authorization header, built once a while. */
  function visitorResult(ctx: Context): Promise<AuthResult> {
    if (visitor && visitor.expiresAt > Date.now()) return visitor.result;
    const result = stock.authenticate(ctx);
    const entry = { result, expiresAt: Date.now() + ABILITY_TTL_MS };
    visitor = entry;
    result.then(
      // Stock answers a failure to read the permissions with `authenticated: false`: retry.
      (answer) => {
        if (!answer.authenticated && visitor === entry) visitor = null;
      },
      () => {
        if (visitor === entry) visitor = null;
      },
    );
    return result;
  }

  async function fastPath(ctx: Context): Promise<AuthResult | null> {
    if (!ctx.get('authorization')) return visitorResult(ctx);
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
    if (!match) return null;
    let claims: { type?: string; userId?: string; sessionId?: string };
    try {
      claims = jwt.verify(match[1], secret(), { algorithms: ['HS256'] }) as typeof claims;
    } catch {
      return null;
    }
    if (claims.type !== 'access' || !claims.userId) return null;
    const owner = await ownerById(Number(claims.userId));
    if (!owner || owner.blocked || !owner.confirmed) return null;
    ctx.state.user = owner;
    if (claims.sessionId) ctx.state.session = { id: claims.sessionId };
    return { authenticated: true, credentials: owner, ability: await abilityOf(owner.role.id) };
  }

  // A role's permissions changed here: rebuild abilities at once (other instances within
  // ABILITY_TTL_MS).
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission', 'plugin::users-permissions.role'],
    afterCreate: forgetAbilities,
    afterCreateMany: forgetAbilities,
    afterUpdate: forgetAbilities,
    afterUpdateMany: forgetAbilities,
    afterDelete: forgetAbilities,
    afterDeleteMany: forgetAbilities,
  });

  return {
    ...stock,
    async authenticate(ctx: Context) {
      return (await fastPath(ctx)) ?? stock.authenticate(ctx);
    },
  };
}
