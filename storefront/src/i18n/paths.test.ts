import { describe, expect, it } from 'vitest';
import { parseLocale } from './index';
import { pathInLocale } from './paths';

const ne = parseLocale('ne')!;
const en = parseLocale('en')!;
const at = (href: string) => new URL(href, 'http://portal.test');

describe('pathInLocale', () => {
  it('swaps the locale prefix and keeps the rest of the path and the query', () => {
    expect(pathInLocale(at('/en/about?ref=home'), ne)).toBe('/ne/about?ref=home');
    expect(pathInLocale(at('/ne/garage/abc/'), en)).toBe('/en/garage/abc/');
  });

  it('maps a locale home page to the other home page', () => {
    expect(pathInLocale(at('/en/'), ne)).toBe('/ne/');
    expect(pathInLocale(at('/en'), ne)).toBe('/ne/');
  });

  it('adds a prefix to a path without a locale', () => {
    expect(pathInLocale(at('/'), ne)).toBe('/ne/');
    expect(pathInLocale(at('/missing/page'), ne)).toBe('/ne/missing/page');
  });
});
