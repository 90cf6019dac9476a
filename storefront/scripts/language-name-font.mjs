#!/usr/bin/env node
// `npm run fonts -w storefront`: the font that draws "नेपाली" in the language toggle of
// English pages. Those pages load no Devanagari font (Mukta's Devanagari file is ~100 KB, and
// Lighthouse counted it in every English page's LCP), so the one Nepali word on them was left
// to the device: on one with no Devanagari font (a minimal Linux desktop, this machine's
// Chromium) it was empty boxes. This cuts Mukta's semibold Devanagari file down to the glyphs
// of that word (about 3 KB), which every English page preloads.
//
// Run it again when `language.name` in src/i18n/ne.json changes; a unit test
// (language-name-font.test.ts) fails until the committed font matches the label.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

export const FONT_FILE = path.join(root, 'src/assets/fonts/language-name-ne.woff2');

/** The label the toggle shows on English pages, in Nepali. */
export function languageName() {
  const ne = JSON.parse(readFileSync(path.join(root, 'src/i18n/ne.json'), 'utf8'));
  return ne.language.name;
}

/** Mukta semibold's Devanagari glyphs for `text`, as woff2. */
export function languageNameFont(text = languageName()) {
  const source = readFileSync(
    require.resolve('@fontsource/mukta/files/mukta-devanagari-600-normal.woff2'),
  );
  return subsetFont(source, text, { targetFormat: 'woff2' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const font = await languageNameFont();
  writeFileSync(FONT_FILE, font);
  console.log(
    `wrote ${path.relative(root, FONT_FILE)} (${font.length} bytes) for "${languageName()}"`,
  );
}
