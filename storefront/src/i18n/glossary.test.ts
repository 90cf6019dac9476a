import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../../cms/src/api/catalog/service-kinds';

interface Term {
  en: string;
  ne: string;
  note?: string;
}

// One glossary for the portal, emails, SMS and the admin panel (cms/tests/admin-translations
// checks the admin's Nepali against the same file).
const glossary = JSON.parse(
  readFileSync(new URL('../../../packages/nepal/glossary.json', import.meta.url), 'utf8'),
) as { terms: Term[] };

describe('glossary', () => {
  it('has every service kind with the catalogue’s English and Nepali names', () => {
    for (const kind of SERVICE_KINDS) {
      expect(glossary.terms).toContainEqual({
        en: kind.en,
        ne: kind.ne,
        note: `Service kind \`${kind.code}\`.`,
      });
    }
  });

  it('names each English term once', () => {
    const terms = glossary.terms.map(({ en }) => en);
    expect(new Set(terms).size).toBe(terms.length);
  });
});
