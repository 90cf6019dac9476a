import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { adminApiHeaders, cms, signInToAdmin } from './admin';

// Issue 11, item 6: the admin panel in Nepali. An admin picks नेपाली in the profile's
// interface-language menu (which Strapi only offers because cms/src/admin/vite.config.ts adds
// it to the build); signing in again later keeps the preference, and the content manager's
// list and edit view, this project's content types and fields included, read in Nepali.

const MAKE_UID = 'api::catalog.make';
const CENTER_UID = 'api::service-center.service-center';

/** The preference is stored on the admin user: put English back for the other specs. */
test.afterAll(async ({ request }) => {
  const put = await request.put(cms('/admin/users/me'), {
    headers: await adminApiHeaders(request),
    data: { preferedLanguage: 'en' },
  });
  expect(put.ok()).toBe(true);
});

test('the admin in Nepali shows the content manager in Nepali', async ({ page, browser }) => {
  // Two sign-ins, each loading the whole panel in a fresh browser, and five admin pages: about
  // a minute on a quiet machine, several on a 2-core one that also builds and tests elsewhere.
  test.setTimeout(420_000);
  await signInToAdmin(page);
  // The first sign-in loads the whole panel: slow on a busy machine.
  await expect(page.getByRole('heading', { name: /^Hello/, level: 1 })).toBeVisible({
    timeout: 60_000,
  });

  await page.goto(cms('/admin/me'));
  await page.getByRole('combobox', { name: 'Interface language' }).click();
  await page.getByRole('option', { name: 'नेपाली' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  // The page turns Nepali as soon as the preference is saved.
  await expect(page.getByRole('combobox', { name: 'इन्टरफेस भाषा' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ne');

  // Another browser, another day: signing in brings the preference back from the server.
  const context = await browser.newContext();
  const later = await context.newPage();
  try {
    await signInToAdmin(later);
    await expect(later.getByRole('heading', { name: /^नमस्ते/, level: 1 })).toBeVisible({
      timeout: 60_000,
    });
    const nav = later.getByRole('navigation').first();
    await expect(nav.getByRole('link', { name: 'सामग्री व्यवस्थापक' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'मिडिया लाइब्रेरी' })).toBeVisible();

    // The list view: this project's content type and its fields, Strapi's own words around them.
    await later.goto(
      cms(`/admin/content-manager/collection-types/${MAKE_UID}?plugins[i18n][locale]=en`),
    );
    // The list loads the type's layout and its first page before it shows (slow under load).
    await expect(later.getByRole('heading', { name: 'ब्रान्ड (क्याटलग)', level: 1 })).toBeVisible({
      timeout: 60_000,
    });
    await expect(later.getByText(/प्रविष्टि भेटियो/)).toBeVisible();
    await expect(later.getByRole('link', { name: 'नयाँ प्रविष्टि बनाउनुहोस्' })).toBeVisible();
    // The design system's header row holds grid cells, not column headers (as in admin-console).
    const header = later.getByRole('grid').getByRole('row').first();
    await expect(header.getByRole('gridcell', { name: 'नाम', exact: true })).toBeVisible();
    await expect(header.getByRole('gridcell', { name: 'देश', exact: true })).toBeVisible();
    await expect(later.getByRole('link', { name: 'सवारी', exact: true })).toBeVisible();
    await expect(later.getByRole('link', { name: 'सेवा केन्द्र', exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page: later }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(
      results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);

    // The edit view of an entry.
    await later.getByRole('gridcell', { name: 'Hyundai', exact: true }).click();
    await expect(later.getByRole('textbox', { name: /^नाम/ })).toHaveValue('Hyundai', {
      timeout: 60_000,
    });
    await expect(later.getByRole('textbox', { name: /^देश/ })).toBeVisible();
    await expect(later.getByRole('button', { name: 'सेभ गर्नुहोस्' })).toBeVisible();

    // A draft-and-publish type: the publish controls and the fields in Nepali.
    await later.goto(
      cms(`/admin/content-manager/collection-types/${CENTER_UID}/create?plugins[i18n][locale]=en`),
    );
    await expect(
      later.getByRole('heading', { name: 'प्रविष्टि बनाउनुहोस्', level: 1 }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(later.getByRole('button', { name: 'प्रकाशित गर्नुहोस्' })).toBeVisible();
    await expect(later.getByRole('tab', { name: 'ड्राफ्ट' })).toBeVisible();
    await expect(later.getByRole('textbox', { name: /^ठेगाना/ })).toBeVisible();
    // A required field's label is "जिल्ला*" (the star hidden from screen readers): the
    // district picker is found by its accessible name.
    await expect(later.getByRole('combobox', { name: 'जिल्ला', exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});
