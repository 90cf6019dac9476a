import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The script that makes the font, so the test checks the committed file against what it makes now.
import { FONT_FILE, languageName, languageNameFont } from '../../scripts/language-name-font.mjs';

describe('the font of the language toggle on English pages', () => {
  it('is what `npm run fonts` makes from the Nepali label the toggle shows today', async () => {
    expect(languageName()).toBe('नेपाली');
    const committed = readFileSync(FONT_FILE);
    const made = Buffer.from(await languageNameFont());
    // A changed label without `npm run fonts` would draw its new letters as empty boxes.
    expect(committed.equals(made)).toBe(true);
  });

  it('differs for another label, so the comparison above can fail', async () => {
    const committed = readFileSync(FONT_FILE);
    const other = Buffer.from(await languageNameFont('नेपाल भाषा'));
    expect(committed.equals(other)).toBe(false);
  });

  it('is a small woff2, not a whole Devanagari face', () => {
    const committed = readFileSync(FONT_FILE);
    expect(committed.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(committed.length).toBeLessThan(8_000);
  });
});
