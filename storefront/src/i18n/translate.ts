import { lookupMessage, messageKeys } from './keys';

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
  // Each locale's messages by dotted key, flattened on first use: a page asks for hundreds,
  // and one map read is cheaper than walking the catalog name by name each time.
  // Only the catalogs' own locales are kept: any other string shares one empty map.
  const flat = new Map<string, Map<string, string>>();
  const none = new Map<string, string>();
  const messagesOf = (locale: string) => {
    let messages = flat.get(locale);
    if (!messages) {
      const catalog = catalogs[locale];
      if (!catalog) return none;
      messages = new Map();
      for (const key of messageKeys(catalog)) {
        const message = lookupMessage(catalog, key);
        if (message !== undefined) messages.set(key, message);
      }
      flat.set(locale, messages);
    }
    return messages;
  };
  return (locale: string, key: string, params?: MessageParams): string => {
    const message = messagesOf(locale).get(key) ?? messagesOf(defaultLocale).get(key) ?? key;
    return params ? interpolate(message, params) : message;
  };
}
