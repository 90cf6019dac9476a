import { expect, test, type Page } from '@playwright/test';
import ne from '../storefront/src/i18n/ne.json';
import { CMS_PORT } from './servers/ports.mjs';
import { submitSignIn } from './owners';

/*
 * Nepali text is drawn by Mukta on the first view, bold included, even when the bold file has
 * not arrived. This machine's Chromium has no Devanagari font of its own (`fc-list :lang=ne`
 * lists none), so any Devanagari glyph that falls through to a system font is an empty box:
 * the test asks Chromium which fonts drew each element (DevTools' CSS.getPlatformFontsForNode)
 * and fails when one is not a web font.
 *
 * The bold Devanagari file is refused, as on a slow first visit where it misses
 * `font-display: optional`'s window: bold Nepali must then be the regular Mukta file,
 * emboldened. Spaces and Latin punctuation are drawn by other faces by design, so each probed
 * element's text is cut down to its Devanagari letters first. Chromium reports a web font by
 * the name inside the file, so the face is told apart by its PostScript name.
 */

const DEVANAGARI = /[\u0900-\u097F]/;

async function fontsDrawingDevanagari(page: Page) {
  const probes = await page.evaluate((pattern) => {
    const devanagari = new RegExp(pattern, 'g');
    const found: { index: number; weight: string; tag: string }[] = [];
    let index = 0;
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.closest('[aria-hidden="true"], script, style, noscript')) continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('');
      const letters = own.match(devanagari)?.join('') ?? '';
      if (!letters || element.getClientRects().length === 0) continue;
      // Only the element's own Devanagari letters, so the fonts reported are the ones that drew them.
      for (const child of [...element.childNodes]) {
        if (child.nodeType === Node.TEXT_NODE) child.remove();
      }
      element.prepend(document.createTextNode(letters));
      element.dataset.fontProbe = String(index);
      found.push({ index, weight: getComputedStyle(element).fontWeight, tag: element.tagName });
      index += 1;
    }
    return found;
  }, DEVANAGARI.source);

  const session = await page.context().newCDPSession(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const results: {
    tag: string;
    weight: string;
    fonts: { familyName: string; postScriptName: string; isCustomFont: boolean }[];
  }[] = [];
  for (const probe of probes) {
    const { nodeId } = await session.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `[data-font-probe="${probe.index}"]`,
    });
    expect(nodeId, `probe ${probe.index} (${probe.tag}) is still in the page`).toBeGreaterThan(0);
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    results.push({ tag: probe.tag, weight: probe.weight, fonts });
  }
  await session.detach();
  return results;
}

/** Refuses the bold Devanagari file, as a slow first visit misses it; counts the requests. */
async function withoutBoldFile(page: Page) {
  const asked = { count: 0 };
  await page.route('**/*devanagari-700*.woff2', async (route) => {
    asked.count += 1;
    await route.abort('timedout');
  });
  return asked;
}

async function expectAllNepaliInMukta(page: Page, asked: { count: number }) {
  await page.evaluate(() => document.fonts.ready);
  const drawn = await fontsDrawingDevanagari(page);
  expect(asked.count, 'the page asked for the bold Devanagari file').toBeGreaterThan(0);
  const bold = drawn.filter((entry) => Number(entry.weight) >= 600);
  expect(bold.length, 'the page has bold Nepali text to check').toBeGreaterThan(0);
  expect(drawn.length - bold.length, 'the page has regular Nepali text to check').toBeGreaterThan(
    0,
  );

  const notWebFont = drawn.filter((entry) => entry.fonts.some((font) => !font.isCustomFont));
  expect(notWebFont, 'elements whose Nepali letters fell to a system font').toEqual([]);
  for (const entry of drawn) {
    expect(
      entry.fonts.map((font) => font.postScriptName),
      `${entry.tag} at weight ${entry.weight}`,
    ).toEqual(['Mukta-Regular']);
  }
}

const PUBLIC_PAGES = [
  '/ne/',
  '/ne/about',
  '/ne/news',
  '/ne/centers',
  '/ne/login',
  '/ne/register',
  '/ne/forgot-password',
];

for (const path of PUBLIC_PAGES) {
  test(`every Nepali letter on ${path} is drawn by Mukta on the first view, bold too, without the bold file`, async ({
    page,
  }) => {
    const asked = await withoutBoldFile(page);
    // Islands hydrated and the map drawn before the page's text is probed.
    await page.goto(path, { waitUntil: 'networkidle' });
    await expectAllNepaliInMukta(page, asked);
  });
}

test("a signed-in owner's Nepali garage and its forms are drawn by Mukta without the bold file", async ({
  page,
  request,
}) => {
  const password = 'Rara-Lake-Mugu-Fonts-4';
  const email = `fonts-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const registered = await request.post(`http://127.0.0.1:${CMS_PORT}/api/auth/local/register`, {
    data: { username: email, email, password, preferredLocale: 'ne' },
  });
  expect(registered.ok()).toBe(true);

  const asked = await withoutBoldFile(page);
  await page.goto('/ne/login?next=%2Fne%2Fgarage');
  await submitSignIn(page, ne, email, password);
  await expect(page).toHaveURL(/\/ne\/garage$/);
  await page.waitForLoadState('networkidle');
  await expectAllNepaliInMukta(page, asked);

  await page.goto('/ne/garage/new', { waitUntil: 'networkidle' });
  await expectAllNepaliInMukta(page, asked);
});

test('the Nepali language name on an English page is drawn by its own small web font', async ({
  page,
}) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
  });
  await page.goto('/en/', { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);

  const drawn = await fontsDrawingDevanagari(page);
  expect(drawn.map((entry) => entry.tag)).toEqual(['A']);
  expect(drawn[0].fonts.length).toBeGreaterThan(0);
  expect(
    drawn[0].fonts.every((font) => font.isCustomFont),
    JSON.stringify(drawn[0].fonts),
  ).toBe(true);
  // Not Mukta's whole Devanagari file: English pages fetch none.
  expect(fonts.filter((font) => font.includes('devanagari'))).toEqual([]);
});

test('with the bold file arrived, bold Nepali is drawn by its own face, not an emboldened regular one', async ({
  page,
}) => {
  // A second page of the same visit: the bold file is in the cache by then.
  await page.goto('/ne/');
  await page.evaluate(() => document.fonts.load('700 16px Mukta', 'नेपाल'));
  await page.goto('/ne/about');
  await page.evaluate(() => document.fonts.ready);

  const drawn = await fontsDrawingDevanagari(page);
  const bold = drawn.filter((entry) => Number(entry.weight) >= 600);
  expect(bold.length).toBeGreaterThan(0);
  for (const entry of bold) {
    expect(
      entry.fonts.map((font) => font.postScriptName),
      `${entry.tag} at weight ${entry.weight}`,
    ).toEqual(['Mukta-Bold']);
  }
});
