import type { Locale } from '../../i18n';
import { pathInLocale } from '../../i18n/paths';

const PORTAL = 'http://portal.invalid';

/**
 * The local path (with query) a `next` parameter names, or undefined when it is missing or
 * would leave the portal (`//evil.example`, `https://…`, `/\evil`), so a login link can never
 * be turned into an open redirect.
 */
export function safeNextPath(raw: string | null | undefined): string | undefined {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return undefined;
  try {
    const url = new URL(raw, PORTAL);
    return url.origin === PORTAL ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where to send an owner after signing in: `next` (or their profile) in their own language.
 */
export function landingPath(next: string | undefined, locale: Locale): string {
  const target = new URL(next ?? `/${locale}/profile`, PORTAL);
  return pathInLocale(target, locale);
}

/** The login page of a locale, with `next` pointing back at the page that asked for it. */
export function loginPathFor(locale: Locale, next: string): string {
  return `/${locale}/login?${new URLSearchParams({ next })}`;
}
