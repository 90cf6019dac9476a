import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

// Issue 11's budget: the finder ships at most 130 KB of JavaScript gzipped, Leaflet included;
// a page without interaction ships none. Measured as a browser gets it: every script the
// page runs, external or inline, gzipped here at the default level.
const FINDER_BUDGET = 130 * 1024;

interface Shipped {
  files: Array<{ url: string; gzipped: number }>;
  inline: number;
}

async function shippedScripts(page: Page, path: string): Promise<Shipped> {
  const files: Shipped['files'] = [];
  const pending: Array<Promise<void>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then((body) => {
        files.push({ url: response.url(), gzipped: gzipSync(body).length });
      }),
    );
  });
  await page.goto(path);
  // Islands that load when seen (client:visible) count too: bring each into view in turn (a
  // frame apiece, so their observers see it), then the end of the page.
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    for (const island of document.querySelectorAll('astro-island')) {
      island.scrollIntoView();
      await frame();
      await frame();
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const inline = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLScriptElement>('script:not([src])')].filter(
        (script) => !['application/json', 'application/ld+json'].includes(script.type),
      ).length,
  );
  return { files, inline };
}

const total = (shipped: Shipped) => shipped.files.reduce((sum, file) => sum + file.gzipped, 0);

for (const locale of ['en', 'ne'] as const) {
  test(`the finder (${locale}) ships at most 130 KB of JavaScript gzipped, map included`, async ({
    page,
  }) => {
    const shipped = await shippedScripts(page, `/${locale}/centers`);
    // The map island did load: a budget met by not loading the map would prove nothing.
    await expect(page.locator('.leaflet-container')).toBeVisible();
    expect(shipped.files.some((file) => /leaflet/i.test(file.url) || file.gzipped > 20_000)).toBe(
      true,
    );
    const bytes = total(shipped);
    test.info().annotations.push({
      type: 'finder JavaScript',
      description: `${(bytes / 1024).toFixed(1)} KB gzipped in ${shipped.files.length} files`,
    });
    expect(bytes).toBeLessThanOrEqual(FINDER_BUDGET);
  });

  for (const address of ['', 'about', 'news', 'login', 'register', 'forgot-password']) {
    test(`/${locale}/${address} has no interaction and ships no JavaScript`, async ({ page }) => {
      const shipped = await shippedScripts(page, `/${locale}/${address}`);
      expect(shipped.files.map((file) => file.url)).toEqual([]);
      expect(shipped.inline).toBe(0);
    });
  }
}
