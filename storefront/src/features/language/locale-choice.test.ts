import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import {
  isOwnNavigation,
  languageSwitchHref,
  readLanguageSwitch,
  rememberedLocale,
} from './locale-choice';

const ne = parseLocale('ne')!;
const at = (href: string) => new URL(href, 'http://portal.test');

describe('languageSwitchHref', () => {
  it('links the same page in the other locale, marked as a switch', () => {
    expect(languageSwitchHref(at('/en/about'), ne)).toBe('/ne/about?lang=1');
    expect(languageSwitchHref(at('/en/login?next=%2Fen%2Fprofile'), ne)).toBe(
      '/ne/login?next=%2Fen%2Fprofile&lang=1',
    );
  });
});

describe('readLanguageSwitch', () => {
  it('reads the chosen locale and the address without the marker', () => {
    expect(readLanguageSwitch(at('/ne/about?lang=1'))).toEqual({
      locale: 'ne',
      cleanPath: '/ne/about',
    });
    expect(readLanguageSwitch(at('/ne/login?next=%2Fen%2Fprofile&lang=1'))).toEqual({
      locale: 'ne',
      cleanPath: '/ne/login?next=%2Fen%2Fprofile',
    });
  });

  it('ignores requests that are not a switch', () => {
    expect(readLanguageSwitch(at('/ne/about'))).toBeUndefined();
    expect(readLanguageSwitch(at('/xx/about?lang=1'))).toBeUndefined();
  });
});

describe('isOwnNavigation', () => {
  it('trusts clicks on the portal and typed addresses, not links from other sites', () => {
    expect(isOwnNavigation(new Headers({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isOwnNavigation(new Headers({ 'sec-fetch-site': 'none' }))).toBe(true);
    expect(isOwnNavigation(new Headers())).toBe(true);
    expect(isOwnNavigation(new Headers({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
});

describe('rememberedLocale', () => {
  it('prefers the signed-in owner’s language, then the remembered choice', () => {
    expect(rememberedLocale({ profileLocale: 'ne', cookieLocale: 'en' })).toBe('ne');
    expect(rememberedLocale({ profileLocale: null, cookieLocale: 'ne' })).toBe('ne');
  });

  it('falls back to the default locale for nothing or junk', () => {
    expect(rememberedLocale({})).toBe('en');
    expect(rememberedLocale({ cookieLocale: 'xx' })).toBe('en');
  });
});
