import { describe, expect, it } from 'vitest';
import { lookupMessage } from './keys';
import localeSettings from './locales.json';
import {
  catalogs,
  defaultLocale,
  findMissingKeys,
  isLocale,
  locales,
  messageKeys,
  parseLocale,
  t,
  useTranslations,
} from './index';

const ne = parseLocale('ne')!;
const en = parseLocale('en')!;

describe('catalogs', () => {
  it('have a catalog for every configured locale and no catalog for an unconfigured one', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...localeSettings.locales].sort());
  });

  it('have no key missing in any locale', () => {
    const noneMissing = Object.fromEntries(locales.map((locale) => [locale, []]));

    expect(findMissingKeys(catalogs)).toEqual(noneMissing);
  });

  it('hold a non-empty text for every key', () => {
    const invalid = Object.entries(catalogs).flatMap(([locale, catalog]) =>
      messageKeys(catalog)
        .filter((key) => !lookupMessage(catalog, key)?.trim())
        .map((key) => `${locale}: ${key}`),
    );

    expect(invalid).toEqual([]);
  });
});

describe('locales', () => {
  it('come from locales.json', () => {
    expect(locales).toEqual(localeSettings.locales);
    expect(defaultLocale).toBe(localeSettings.defaultLocale);
  });

  it('accept only configured codes', () => {
    expect(isLocale('ne')).toBe(true);
    expect(parseLocale('xx')).toBeUndefined();
    expect(parseLocale(undefined)).toBeUndefined();
    expect(isLocale('locales')).toBe(false);
  });
});

describe('t', () => {
  it('translates a key into the requested locale', () => {
    expect(t(en, 'nav.about')).toBe('About');
    expect(t(ne, 'home.features.garage.title')).toBe('मेरो ग्यारेज');
  });

  it('names each language in that language', () => {
    expect(t(en, 'language.name')).toBe('English');
    expect(t(ne, 'language.name')).toBe('नेपाली');
  });

  it('is bound to one locale by useTranslations', () => {
    const tr = useTranslations(ne);

    expect(tr('language.navLabel')).toBe('भाषा');
  });
});
