import { COOKIE_SECURE } from 'astro:env/server';
import { cookieOptions, shouldUseSecureCookies } from './session-cookies';

/** Cookie attributes for this request, `Secure` as configured (see `shouldUseSecureCookies`). */
export function cookieOptionsFor(url: URL, maxAge?: number) {
  const secure = shouldUseSecureCookies({
    flag: COOKIE_SECURE,
    production: import.meta.env.PROD,
    protocol: url.protocol,
  });
  return cookieOptions(secure, maxAge);
}
