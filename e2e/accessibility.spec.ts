import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { CMS_PORT } from './servers/ports.mjs';

const catalogs = { en, ne } as const;
const password = 'Ilam-Tea-Garden-1960';

/** No serious or critical WCAG 2 A/AA violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
  expect(serious, page.url()).toEqual([]);
}

for (const locale of ['en', 'ne'] as const) {
  const catalog = catalogs[locale];

  test(`public pages in ${locale} have no serious accessibility violations`, async ({ page }) => {
    for (const path of ['', 'about', 'login', 'register', 'forgot-password']) {
      await page.goto(`/${locale}/${path}`);
      await expectAccessible(page);
    }
  });

  test(`an owner's pages in ${locale} have no serious accessibility violations, on a phone`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const email = `a11y-${locale}-${Date.now()}@example.com`;
    const registered = await request.post(`http://127.0.0.1:${CMS_PORT}/api/auth/local/register`, {
      data: { username: email, email, password, preferredLocale: locale },
    });
    expect(registered.ok()).toBe(true);

    await page.goto(`/${locale}/login`);
    await page.getByLabel(catalog.fields.email).fill(email);
    await page.getByLabel(catalog.fields.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: catalog.login.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/`));

    for (const path of ['profile', 'garage', 'garage/new']) {
      await page.goto(`/${locale}/${path}`);
      await expectAccessible(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at 360 px`).toBe(false);
    }
  });
}
