import { describe, expect, it } from 'vitest';
import { parseLocale } from '../../i18n';
import { landingPath, loginPathFor, safeNextPath } from './next-path';

const ne = parseLocale('ne')!;
const en = parseLocale('en')!;

describe('safeNextPath', () => {
  it('keeps a local path and its query', () => {
    expect(safeNextPath('/en/garage?tab=documents')).toBe('/en/garage?tab=documents');
  });

  it('refuses anything that could lead off the portal', () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'en/x', '']) {
      expect(safeNextPath(next)).toBeUndefined();
    }
    expect(safeNextPath(null)).toBeUndefined();
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

describe('loginPathFor', () => {
  it('points back at the page that needs a signed-in owner', () => {
    expect(loginPathFor(ne, '/ne/profile')).toBe('/ne/login?next=%2Fne%2Fprofile');
  });
});
