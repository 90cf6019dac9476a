import type { Locale } from '~/i18n';
import { pathInLocale } from '~/i18n/paths';
import { paths } from '~/lib/paths';

const PORTAL = 'http://portal.invalid';

// Browsers drop tabs and newlines anywhere in a URL and read `\` as `/`; an encoded slash or
// backslash in the path may be decoded by whatever reads it next. The portal makes none.
const ENCODED_SEPARATOR = /%(2f|5c)/i;

function hasUnsafeCharacter(value: string): boolean {
  return [...value].some((char) => char < ' ' || char === '\u007F' || char === '\\');
}

function isLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//');
}

/**
 * The local path (with query) a `next` parameter names, or undefined when it is missing or
 * would leave the portal (`//evil.example`, `https://…`, `/\evil`), so a login link can never
 * be turned into an open redirect. It is checked again after the URL parser resolved dot
 * segments, which turn `/.//evil.example` into the protocol-relative `//evil.example`.
 */
export function safeNextPath(raw: string | null | undefined): string | undefined {
  if (!raw || !isLocalPath(raw) || hasUnsafeCharacter(raw)) return undefined;
  if (ENCODED_SEPARATOR.test(raw.split('?')[0] ?? '')) return undefined;
  try {
    const url = new URL(raw, PORTAL);
    const path = `${url.pathname}${url.search}`;
    return url.origin === PORTAL && isLocalPath(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where to send an owner after signing in: `next` (or their profile) in their own language.
 */
export function landingPath(next: string | undefined, locale: Locale): string {
  const target = new URL(next ?? paths.profile(locale), PORTAL);
  return pathInLocale(target, locale);
}
