import { defaultLocale, parseLocale, type Locale } from '~/i18n';
import { pathInLocale } from '~/i18n/paths';

/** Query parameter the language toggle adds, so the switch can be told from a typed URL. */
export const LANGUAGE_SWITCH_PARAM = 'lang';

/** The toggle's link: the same page in `target`, marked as a language switch. */
export function languageSwitchHref(url: Pick<URL, 'pathname' | 'search'>, target: Locale): string {
  const params = new URLSearchParams(url.search);
  params.set(LANGUAGE_SWITCH_PARAM, '1');
  return pathInLocale({ pathname: url.pathname, search: `?${params}` }, target);
}

/**
 * The locale a toggle link switched to and the address to send the browser on to (the same
 * page without the marker), or undefined when the request is not a language switch.
 */
export function readLanguageSwitch(
  url: Pick<URL, 'pathname' | 'search'>,
): { locale: Locale; cleanPath: string } | undefined {
  const params = new URLSearchParams(url.search);
  const locale = parseLocale(url.pathname.split('/')[1]);
  if (!locale || !params.has(LANGUAGE_SWITCH_PARAM)) return undefined;
  params.delete(LANGUAGE_SWITCH_PARAM);
  const search = params.size > 0 ? `?${params}` : '';
  return { locale, cleanPath: `${url.pathname}${search}` };
}

/**
 * Whether a switch may be remembered: only one the visitor made on the portal (or typed).
 * A link on another site must not change someone's saved language.
 */
export function isOwnNavigation(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  return site === null || site === 'same-origin' || site === 'none';
}

/** The locale `/` opens: the owner's saved one, else the visitor's last choice, else default. */
export function rememberedLocale(choices: {
  profileLocale?: string | null;
  cookieLocale?: string;
}): Locale {
  return (
    parseLocale(choices.profileLocale ?? undefined) ??
    parseLocale(choices.cookieLocale) ??
    defaultLocale
  );
}
