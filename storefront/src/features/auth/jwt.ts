/**
 * The `exp` claim (seconds since the epoch) of a JWT, read without verifying the signature,
 * or undefined when the token is not a JWT or has no numeric `exp`. Only the CMS verifies
 * tokens; the portal reads `exp` to know when to renew one before using it.
 */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload || token.split('.').length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds before `exp` at which a token already counts as expired: a request in flight
 * to the CMS must not see it expire on the way. */
export const EXPIRY_MARGIN_SECONDS = 30;

/** Tells whether a token is still usable at `now` (ms), keeping the 30 s margin. */
export function isTokenFresh(token: string, now = Date.now()): boolean {
  const exp = jwtExpiry(token);
  return exp !== undefined && now / 1000 < exp - EXPIRY_MARGIN_SECONDS;
}

/** Whole seconds from `now` (ms) until the token's `exp`, or undefined without one. */
export function secondsUntilExpiry(token: string, now = Date.now()): number | undefined {
  const exp = jwtExpiry(token);
  return exp === undefined ? undefined : Math.max(0, Math.floor(exp - now / 1000));
}
