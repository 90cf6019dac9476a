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
