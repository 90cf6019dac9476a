import { expect, test } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';

const catalogs = { en, ne } as const;

for (const locale of ['en', 'ne'] as const) {
  test(`the ${locale} home page shows its catalog's text and the CMS's copy`, async ({ page }) => {
    const catalog = catalogs[locale];
    await page.goto(`/${locale}/`);

    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalog.home.title);
    await expect(page.getByText(catalog.home.lead).first()).toBeVisible();
    // Fetched on the server from the CMS's home page, in the page's language.
    const cmsHeadline = locale === 'en' ? 'Welcome to MotorGhar' : 'मोटरघरमा स्वागत छ';
    await expect(page.getByRole('heading', { level: 2, name: cmsHeadline })).toBeVisible();
    await expect(page.getByText(catalog.home.cmsUnavailable)).toHaveCount(0);
  });
}

test('the language toggle switches to Nepali and back, keeping the page', async ({ page }) => {
  await page.goto('/en/about');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.about.title);

  await page.getByRole('link', { name: ne.language.switchTo }).click();

  await expect(page).toHaveURL(/\/ne\/about$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ne');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ne.about.title);

  await page.getByRole('link', { name: en.language.switchTo }).click();

  await expect(page).toHaveURL(/\/en\/about$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.about.title);
});

test('the root address sends a visitor to the English home page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.home.title);
});

test('pages, stylesheets and scripts come compressed as the browser asks; fonts and pictures as they are', async ({
  request,
}) => {
  const asked = (encoding: string) => ({ headers: { 'accept-encoding': encoding } });
  const brotli = await request.get('/ne/about', asked('gzip, deflate, br'));
  expect(brotli.status()).toBe(200);
  expect(brotli.headers()['content-encoding']).toBe('br');
  expect(brotli.headers()['vary']).toMatch(/accept-encoding/i);
  const html = await brotli.text();
  expect(html).toContain(`<html lang="ne"`);

  const gzip = await request.get('/ne/about', asked('gzip'));
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get('/ne/about', asked('identity'));
  expect(plain.headers()['content-encoding']).toBeUndefined();
  // The same page whichever way it travelled (a public page: no CSRF token in it).
  expect(await plain.text()).toBe(await gzip.text());

  // Every stylesheet comes compressed but the smallest (under 1 KB, not worth it).
  const stylesheets = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]!);
  const font = html.match(/href="(\/_astro\/[^"]+\.woff2)"/)?.[1];
  expect(stylesheets.length).toBeGreaterThan(0);
  expect(font).toBeTruthy();
  let compressed = 0;
  for (const stylesheet of stylesheets) {
    const size = (await (await request.get(stylesheet, asked('identity'))).body()).length;
    const css = await request.get(stylesheet, asked('br'));
    expect(css.headers()['cache-control']).toContain('immutable');
    expect(await css.text()).toContain('{');
    expect(css.headers()['content-encoding']).toBe(size >= 1024 ? 'br' : undefined);
    if (size >= 1024) compressed += 1;
  }
  expect(compressed).toBeGreaterThan(0);
  const woff2 = await request.get(font!, asked('br'));
  expect(woff2.status()).toBe(200);
  expect(woff2.headers()['content-encoding']).toBeUndefined();
});
