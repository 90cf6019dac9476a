import type { APIContext } from 'astro';
import { COOKIE_SECURE } from 'astro:env/server';
import { createPortalCookies, shouldUseSecureCookies, type PortalCookies } from './session-cookies';

/** Whether this request's cookies are `Secure` (see `shouldUseSecureCookies`). */
function secureCookiesFor(url: URL): boolean {
  return shouldUseSecureCookies({
    flag: COOKIE_SECURE,
    production: import.meta.env.PROD,
    protocol: url.protocol,
  });
}

/**
 * The portal's cookies for this request: `Secure` and `__Host-` prefixed in production (and on
 * https in dev), plain over http. Every read, write and removal goes through here, so they
 * always use the same name.
 */
export function portalCookies(context: Pick<APIContext, 'cookies' | 'url'>): PortalCookies {
  return createPortalCookies(context.cookies, secureCookiesFor(context.url));
}
