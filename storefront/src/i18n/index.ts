import en from './en.json';
import localeSettings from './locales.json';
import { createTranslator, type MessageParams } from './translate';

export { findMissingKeys, messageKeys } from './keys';
export type { MessageParams } from './translate';

declare const localeBrand: unique symbol;

/** A locale code that is configured and has a catalog; get one through `parseLocale`. */
export type Locale = string & { readonly [localeBrand]: true };

/** The shape of a catalog; English is the reference every other catalog must match. */
export type Messages = typeof en;

type LeafKeys<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafKeys<T[K]>}`;
}[keyof T & string];

/** A dotted path to one message, e.g. `home.title`. */
export type MessageKey = LeafKeys<Messages>;

const catalogFiles = import.meta.glob<Messages>(['./*.json', '!./locales.json'], {
  eager: true,
  import: 'default',
});

/** Every catalog in `src/i18n/`, keyed by the locale code in its file name (`ne.json` → `ne`). */
export const catalogs: Record<string, Messages> = Object.fromEntries(
  Object.entries(catalogFiles).map(([file, messages]) => [
    file.slice(2, -'.json'.length),
    messages,
  ]),
);

/** Tells whether a value is a configured locale that has a catalog. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && localeSettings.locales.includes(value) && value in catalogs;
}

/** Narrows a route parameter or header value to a locale, or undefined when it is not one. */
export function parseLocale(value: string | undefined): Locale | undefined {
  return isLocale(value) ? value : undefined;
}

function requireLocale(value: string): Locale {
  if (!isLocale(value)) throw new Error(`i18n: locale "${value}" has no catalog in src/i18n/`);
  return value;
}

/** The configured locales, in the order of `locales.json`. */
export const locales: readonly Locale[] = localeSettings.locales.map(requireLocale);

/** The locale of `/` and of any message a catalog lacks. */
export const defaultLocale: Locale = requireLocale(localeSettings.defaultLocale);

const translate = createTranslator({ catalogs, defaultLocale });

/**
 * Translates a key into a locale (default locale, then the key itself, when the message is
 * missing) and fills `{name}` placeholders from params.
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translate(locale, key, params);
}

/** Binds `t` to one locale, for use in a page or component. */
export function useTranslations(
  locale: Locale,
): (key: MessageKey, params?: MessageParams) => string {
  return (key, params) => t(locale, key, params);
}
