import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the hidden form field (and header, for scripted calls) that carries the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const TOKEN_PATTERN = /^[\w-]{43}$/;

/** A new random CSRF token: 32 bytes, base64url (43 characters). */
export function createCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tells whether a value looks like a token this module made (so junk is never echoed). */
export function isWellFormedCsrfToken(value: string | undefined): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/**
 * Compares the cookie's token with the submitted one in constant time. Both must be present
 * and well formed; the comparison time does not depend on where they differ.
 */
export function csrfTokensMatch(
  cookie: string | undefined,
  submitted: string | undefined,
): boolean {
  if (!isWellFormedCsrfToken(cookie) || !isWellFormedCsrfToken(submitted)) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Tells whether a state-changing request comes from the portal's own pages. `Sec-Fetch-Site`
 * (sent by current browsers) must say `same-origin`; an `Origin` header must name the host the
 * request was sent to (`Host`, or `X-Forwarded-Host` behind a proxy; a cross-site form cannot
 * set either). A request with neither header (an old browser, a script) relies on the token.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') return false;
  const origin = headers.get('origin');
  if (origin === null) return true;
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const targets = [headers.get('host'), forwardedHost].filter(Boolean);
  const host = hostOf(origin);
  return host !== undefined && targets.includes(host);
}
