import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { profileApi } from '~/features/profile/profile-api.server';
import type { TokenPair } from './auth-api';
import { authApi, callContextOf } from './auth.server';
import { portalCookies } from './cookie-security.server';
import { secondsUntilExpiry } from './jwt';
import { resolveSession, type RenewalOutcome, type Session, type SessionDecision } from './session';
import { ACCESS_COOKIE, REFRESH_COOKIE, REFRESH_MAX_AGE_SECONDS } from './session-cookies';
import { createSingleFlight } from './single-flight';

type RequestContext = Pick<APIContext, 'cookies' | 'locals' | 'url' | 'clientAddress'>;

const ACCESS_MAX_AGE_SECONDS = 15 * 60;
const renewOnce = createSingleFlight<RenewalOutcome>(10_000);

/** Keeps a new token pair in the session cookies, each for as long as its token lives. */
export function storeTokens(context: RequestContext, tokens: TokenPair): void {
  const accessAge = secondsUntilExpiry(tokens.jwt) ?? ACCESS_MAX_AGE_SECONDS;
  const refreshAge = secondsUntilExpiry(tokens.refreshToken) ?? REFRESH_MAX_AGE_SECONDS;
  const cookies = portalCookies(context);
  cookies.set(ACCESS_COOKIE, tokens.jwt, accessAge);
  cookies.set(REFRESH_COOKIE, tokens.refreshToken, refreshAge);
}

/** Removes both session cookies (the attributes must match the ones they were set with). */
export function clearTokens(context: RequestContext): void {
  const cookies = portalCookies(context);
  cookies.delete(ACCESS_COOKIE);
  cookies.delete(REFRESH_COOKIE);
}

/** The session cookies of a request, for logout. */
export function readTokens(context: RequestContext): Partial<TokenPair> {
  const cookies = portalCookies(context);
  return { jwt: cookies.get(ACCESS_COOKIE), refreshToken: cookies.get(REFRESH_COOKIE) };
}

async function renew(context: RequestContext, refreshToken: string): Promise<RenewalOutcome> {
  const result = await authApi.refresh(refreshToken, callContextOf(context));
  if (result.ok) return { kind: 'renewed', tokens: result.data };
  const { problem } = result;
  const refused = problem.kind === 'rejected' && problem.status < 500 && problem.status !== 429;
  return refused ? { kind: 'refused' } : { kind: 'unavailable' };
}

/**
 * Loads the owner's profile (reused for a few seconds per token: `profile-cache.ts`); null when
 * the CMS says the token no longer signs anyone in.
 */
async function sessionFor(context: RequestContext, accessToken: string): Promise<Session | null> {
  const profile = await profileApi.forSession(accessToken, callContextOf(context));
  if (profile.ok) return { accessToken, user: profile.data };
  const { problem } = profile;
  return problem.kind === 'rejected' && problem.status === 401 ? null : { accessToken };
}

function accessTokenOf(decision: SessionDecision): string | undefined {
  if (decision.kind === 'active') return decision.accessToken;
  return decision.kind === 'renewed' ? decision.tokens.jwt : undefined;
}

/**
 * Signs each request in from its cookies: renews an expired access token with the refresh
 * token (one renewal per refresh token, however many requests arrive with it), stores the new
 * pair, clears cookies the CMS no longer accepts, and exposes `Astro.locals.session`.
 */
export const sessionMiddleware = defineMiddleware(async (context, next) => {
  context.locals.session = null;
  const cookies = readTokens(context);
  const decision = await resolveSession(
    { access: cookies.jwt, refresh: cookies.refreshToken },
    (token) => renewOnce(token, () => renew(context, token)),
  );
  if (decision.kind === 'ended') clearTokens(context);
  if (decision.kind === 'renewed') storeTokens(context, decision.tokens);
  const accessToken = accessTokenOf(decision);
  if (accessToken) {
    context.locals.session = await sessionFor(context, accessToken);
    if (!context.locals.session) clearTokens(context);
  }
  return next();
});
