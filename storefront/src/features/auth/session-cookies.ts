import type { AstroCookieSetOptions } from 'astro';

/** The owner's access token (a JWT that lives 15 minutes). */
export const ACCESS_COOKIE = 'mg_access';
/** The refresh token that renews the access token (7 days, rotated on every use). */
export const REFRESH_COOKIE = 'mg_refresh';
/** The double-submit CSRF token. */
export const CSRF_COOKIE = 'mg_csrf';
/** The visitor's chosen language. */
export const LOCALE_COOKIE = 'mg_locale';

/** Lifetime of a refresh token whose own `exp` cannot be read. */
export const REFRESH_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** How long the language choice is remembered. */
export const LOCALE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

interface SecureCookieInputs {
  /** `COOKIE_SECURE` from the environment; undefined when unset. */
  flag: boolean | undefined;
  /** `import.meta.env.PROD`. */
  production: boolean;
  /** The protocol of the request URL, e.g. `https:`. */
  protocol: string;
}

/**
 * Whether cookies get `Secure`: the `COOKIE_SECURE` flag when set; otherwise always in a
 * production build (a TLS proxy in front makes the request look like http), and in dev only
 * when the request itself is https.
 */
export function shouldUseSecureCookies({
  flag,
  production,
  protocol,
}: SecureCookieInputs): boolean {
  return flag ?? (production || protocol === 'https:');
}

/**
 * The attributes of every portal cookie: out of reach of scripts (`HttpOnly`), not sent on
 * cross-site subrequests or posts (`SameSite=Lax`), for the whole site. Without `maxAge` the
 * cookie lasts as long as the browser session.
 */
export function cookieOptions(secure: boolean, maxAge?: number): AstroCookieSetOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

/**
 * The name a cookie lives under. A Secure cookie gets the `__Host-` prefix: the browser then
 * takes it only from this host, over https, for Path=/ and without a Domain, so a sibling
 * subdomain cannot plant a session or CSRF token the portal would trust. Over plain http (dev,
 * `COOKIE_SECURE=false`) such a cookie cannot exist, so the plain name is used.
 */
export function cookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

/** Reads, sets and clears the portal's cookies, always under the same name and attributes. */
export interface PortalCookies {
  get(name: string): string | undefined;
  set(name: string, value: string, maxAge?: number): void;
  delete(name: string): void;
}

/** The part of Astro's cookie jar the portal uses. */
export interface CookieJar {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: AstroCookieSetOptions): void;
  delete(name: string, options: AstroCookieSetOptions): void;
}

/** The portal's cookies of one request, named and flagged by whether they are Secure. */
export function createPortalCookies(cookies: CookieJar, secure: boolean): PortalCookies {
  return {
    get: (name) => cookies.get(cookieName(name, secure))?.value,
    set: (name, value, maxAge) =>
      cookies.set(cookieName(name, secure), value, cookieOptions(secure, maxAge)),
    // The browser clears a cookie only when the name, path and domain match the ones it was set with.
    delete: (name) => cookies.delete(cookieName(name, secure), cookieOptions(secure)),
  };
}
