import type { CmsCallContext, CmsResult } from '~/lib/cms-api';
import { createTtlCache } from '~/lib/ttl-cache';
import type { Profile, ProfileApi } from './profile-api';

/**
 * How long a signed-in page reuses the owner's profile (name in the header, language). Every
 * signed-in page used to fetch it before its own data. Security does not rest on it: each
 * page's data request still carries the access token, and the CMS refuses a revoked one.
 */
export const PROFILE_TTL_MS = 15_000;

/** The profile routes, plus the short-lived copy the session middleware reads. */
export interface CachedProfileApi extends ProfileApi {
  /** The profile for a request's session: from the cache while fresh, otherwise the CMS. */
  forSession(accessToken: string, context: CmsCallContext): Promise<CmsResult<Profile>>;
  /** Drops a token's copy (sign-out). */
  forget(accessToken: string): void;
}

export interface ProfileCacheOptions {
  ttlMs?: number;
  /** Tokens remembered at most; the oldest goes first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Wraps the profile routes with a per-token cache. `get` and `update` always ask the CMS
 * (the profile page shows what the CMS holds) and refresh the copy; a refusal is never kept
 * and removes the copy.
 */
export function createCachedProfileApi(
  api: ProfileApi,
  { ttlMs = PROFILE_TTL_MS, maxEntries = 10_000, now }: ProfileCacheOptions = {},
): CachedProfileApi {
  const cache = createTtlCache<string, CmsResult<Profile>>({ ttlMs, maxEntries, now });
  const remember = (token: string, result: CmsResult<Profile>) => {
    if (result.ok) cache.set(token, result);
    else if (result.problem.kind === 'rejected' && result.problem.status === 401) {
      cache.delete(token);
    }
    return result;
  };
  return {
    forSession: (token, context) =>
      cache.getOrLoad(
        token,
        () => api.get(token, context),
        (result) => result.ok,
      ),
    forget: (token) => cache.delete(token),
    get: async (token, context) => remember(token, await api.get(token, context)),
    update: async (token, changes, context) =>
      remember(token, await api.update(token, changes, context)),
  };
}
