import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../../cms/src/api/catalog/service-kinds';

const glossary = readFileSync(new URL('./glossary.md', import.meta.url), 'utf8');
const rows = glossary
  .split('\n')
  .filter(
    (line) => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('| ---'),
  )
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );

describe('glossary', () => {
  it('has every service kind with the catalogue’s English and Nepali names', () => {
    for (const kind of SERVICE_KINDS) {
      expect(rows).toContainEqual([kind.en, kind.ne, `Service kind \`${kind.code}\`.`]);
    }
  });

  it('names each English term once', () => {
    const terms = rows.map(([english]) => english);
    expect(new Set(terms).size).toBe(terms.length);
  });
});
