import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import { landingPath, safeNextPath } from './next-path';

const ne = parseLocale('ne')!;
const en = parseLocale('en')!;

describe('safeNextPath', () => {
  it('keeps a local path and its query', () => {
    expect(safeNextPath('/en/garage?tab=documents')).toBe('/en/garage?tab=documents');
  });

  it('keeps encoded slashes in the query (cursors are base64)', () => {
    expect(safeNextPath('/en/garage/x?notesCursor=a%2Fb')).toBe('/en/garage/x?notesCursor=a%2Fb');
  });

  it('refuses anything that could lead off the portal', () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'en/x', '']) {
      expect(safeNextPath(next)).toBeUndefined();
    }
    expect(safeNextPath(null)).toBeUndefined();
  });

  // Every spelling a browser would normalise into another origin (or a script) is refused,
  // and whatever comes back resolves to the portal's own origin.
  const PORTAL = 'https://portal.example';
  const variants = [
    '/.//evil.example',
    '/./\\evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    '/.%2F/evil.example',
    '/\\evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%252F%252Fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\t\\evil.example',
    ' //evil.example',
    '\t//evil.example',
    'https://evil.example',
    'https:evil.example',
    '//evil.example',
    '///evil.example',
    'javascript:alert(1)',
    '/javascript:alert(1)',
    'data:text/html,hi',
  ];

  it.each(variants)('keeps %j on the portal', (next) => {
    const result = safeNextPath(next);
    if (result === undefined) return;
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    expect(result).not.toMatch(/[\\\t\r\n]/);
    expect(new URL(result, PORTAL).origin).toBe(PORTAL);
    // A browser resolving it again (a redirect's Location) stays on the portal too.
    expect(new URL(new URL(result, PORTAL).href).origin).toBe(PORTAL);
    expect(new URL(landingPath(result, en), PORTAL).origin).toBe(PORTAL);
  });

  it('refuses the spellings that only lead off the portal once normalised', () => {
    for (const next of [
      '/.//evil.example',
      '/..//evil.example',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      '/\t/evil.example',
    ]) {
      expect(safeNextPath(next)).toBeUndefined();
    }
  });
});

describe('landingPath', () => {
  it('sends the owner to next in their own language', () => {
    expect(landingPath('/en/about', ne)).toBe('/ne/about');
  });

  it('sends the owner to their profile without next', () => {
    expect(landingPath(undefined, en)).toBe('/en/profile');
  });
});
