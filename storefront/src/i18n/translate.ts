import { lookupMessage } from './keys';

/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Record<string, string | number>;

interface TranslatorOptions {
  catalogs: Record<string, object>;
  defaultLocale: string;
}

/** Fills `{name}` placeholders of a message; a placeholder without a value stays as it is. */
export function interpolate(message: string, params: MessageParams): string {
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/**
 * Builds a translate function over a set of catalogs: a message missing in a locale falls back
 * to the default locale, then to the key itself, so a gap shows up as a visible key, not a crash.
 */
export function createTranslator({ catalogs, defaultLocale }: TranslatorOptions) {
  return (locale: string, key: string, params?: MessageParams): string => {
    const message =
      lookupMessage(catalogs[locale] ?? {}, key) ??
      lookupMessage(catalogs[defaultLocale] ?? {}, key) ??
      key;
    return params ? interpolate(message, params) : message;
  };
}
