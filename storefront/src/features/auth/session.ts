import type { TokenPair } from './auth-api';
import type { Profile } from '~/features/profile/profile-api';
import { isTokenFresh } from './jwt';

/** The outcome of asking the CMS for a new token pair. */
export type RenewalOutcome =
  | { kind: 'renewed'; tokens: TokenPair }
  /** The CMS refused the refresh token (expired, revoked, replayed). */
  | { kind: 'refused' }
  /** The CMS could not answer; the tokens may still be good. */
  | { kind: 'unavailable' };

/** What the portal does with the session cookies of one request. */
export type SessionDecision =
  | { kind: 'anonymous' }
  | { kind: 'active'; accessToken: string }
  | { kind: 'renewed'; tokens: TokenPair }
  /** Signed out for good: clear both cookies. */
  | { kind: 'ended' }
  /** Signed out for this request only, because the CMS could not renew the session. */
  | { kind: 'unavailable' };

/**
 * Decides how a request is signed in from its cookies: a fresh access token is used as it
 * is; an expired or missing one is renewed with the refresh token. A refused renewal ends
 * the session; a CMS outage does not, so a short outage signs nobody out.
 */
export async function resolveSession(
  cookies: { access?: string; refresh?: string },
  renew: (refreshToken: string) => Promise<RenewalOutcome>,
  now = Date.now(),
): Promise<SessionDecision> {
  if (cookies.access && isTokenFresh(cookies.access, now)) {
    return { kind: 'active', accessToken: cookies.access };
  }
  if (!cookies.refresh) return cookies.access ? { kind: 'ended' } : { kind: 'anonymous' };
  const outcome = await renew(cookies.refresh);
  if (outcome.kind === 'renewed') return outcome;
  return outcome.kind === 'refused' ? { kind: 'ended' } : { kind: 'unavailable' };
}

/** The signed-in owner of a request, as pages see it in `Astro.locals.session`. */
export interface Session {
  /** For calls to the CMS from the server; never rendered, stored client-side or logged. */
  accessToken: string;
  /** The owner's profile; absent when the CMS could not give it for this request. */
  user?: Profile;
}
