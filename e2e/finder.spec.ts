import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { registerOwner, submitSignIn } from './owners';

// The service-center finder against the real CMS and its seeded sample centers (150+, all
// seven provinces). Runs once the centers domain (issue 11) is merged: before that the CMS
// answers 404 for /api/service-centers and the list says the centers are unavailable.

type Catalog = typeof en;
const catalogs = { en, ne } as const;
const password = 'Phewa-Lake-Kaski-Finder-7';

/** The i18n message with `{name}`-style placeholders filled. */
const fill = (message: string, params: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

async function logIn(page: Page, catalog: Catalog, locale: 'en' | 'ne', email: string) {
  await page.goto(`/${locale}/login?next=${encodeURIComponent(`/${locale}/centers`)}`);
  await submitSignIn(page, catalog, email, password);
  await expect(page).toHaveURL(new RegExp(`/${locale}/centers$`));
}

const list = (page: Page) => page.locator('#center-list > li');

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const locale of ['en', 'ne'] as const) {
  const catalog = catalogs[locale];

  test.describe(`the finder in ${locale}, with JavaScript`, () => {
    test.use({ viewport: { width: 360, height: 780 } });

    test('list and map: a marker per listed center, each leading to its entry in the list', async ({
      page,
    }) => {
      // Two pages, the map drawn and axe over a page with 20 entries and the map: 24 to 60 s
      // (axe alone about 25 s) on the loaded 2-core machine, against the 60 s of the others.
      test.slow();
      await page.goto(`/${locale}/`);
      // Anonymous visitors get the finder in the header too.
      await page
        .getByRole('navigation', { name: catalog.nav.label })
        .getByRole('link', { name: catalog.nav.centers })
        .click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/centers$`));
      await expect(
        page.getByRole('heading', { level: 1, name: catalog.centers.title }),
      ).toBeVisible();
      // The page streams: the heading can show before the list has arrived, and count()
      // does not wait. The first entry does.
      await expect(list(page).first()).toContainText(catalog.centers.sample);
      const count = await list(page).count();
      expect(count).toBeGreaterThan(0);

      const map = page.getByRole('region', { name: catalog.centers.map.label });
      await map.scrollIntoViewIfNeeded();
      await expect(map).toHaveAttribute('data-state', 'ready');
      // No tile server in the tests: Nepal's outline is drawn, and said to be.
      await expect(map).toHaveAttribute('data-outline', locale);
      await expect(page.getByText(catalog.centers.map.outline)).toBeVisible();
      const markers = map.locator('.center-pin');
      await expect(markers).toHaveCount(count);

      // A marker opens (keyboard too) a link to its center's entry, which gets the focus.
      const name = (await markers.first().getAttribute('title'))!;
      await markers.first().focus();
      await page.keyboard.press('Enter');
      const toEntry = page.getByRole('link', {
        name: fill(catalog.centers.map.openInList, { name }),
      });
      await expect(toEntry).toBeFocused();
      await toEntry.press('Enter');
      await expect(page.getByRole('article', { name })).toBeInViewport();

      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    });

    test('"near me" from the browser, and a refusal that points at the district list', async ({
      browser,
    }) => {
      const located = await browser.newContext({
        viewport: { width: 360, height: 780 },
        permissions: ['geolocation'],
        geolocation: { latitude: 27.7172, longitude: 85.324 },
      });
      const page = await located.newPage();
      await page.goto(`/${locale}/centers`);
      await page.getByRole('button', { name: catalog.centers.nearMe.button }).click();
      await expect(page).toHaveURL(/near=27\.71720%2C85\.32400/);
      await expect(
        page.getByText(
          fill(catalog.centers.nearMe.fromLocation, { km: locale === 'ne' ? '२५' : '25' }),
        ),
      ).toBeVisible();
      const distances = await list(page).locator('.center-distance').allTextContents();
      expect(distances.length).toBeGreaterThan(0);
      await located.close();

      const refused = await browser.newContext({ viewport: { width: 360, height: 780 } });
      const other = await refused.newPage();
      await other.goto(`/${locale}/centers`);
      await other.getByRole('button', { name: catalog.centers.nearMe.button }).click();
      await expect(
        other.getByRole('status').filter({ hasText: catalog.centers.nearMe.denied }),
      ).toBeVisible();
      await refused.close();
    });
  });

  test.describe(`the finder in ${locale}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });

    test('filters, near a district, pages, a center’s page and back, all as plain links and forms', async ({
      page,
    }) => {
      await page.goto(`/${locale}/centers`);
      // No map without JavaScript: the list carries everything.
      await expect(page.getByRole('region', { name: catalog.centers.map.label })).toHaveCount(0);

      // Exact: the district label is part of the "near the headquarters of" one in Nepali.
      await page
        .getByLabel(catalog.centers.filters.district, { exact: true })
        .selectOption('kathmandu');
      await page.getByRole('button', { name: catalog.centers.filters.apply }).click();
      await expect(page).toHaveURL(/district=kathmandu/);
      const district = locale === 'ne' ? 'काठमाडौं' : 'Kathmandu';
      const entries = list(page);
      expect(await entries.count()).toBeGreaterThan(0);
      for (const text of await entries.locator('.center-place').allTextContents()) {
        expect(text).toContain(district);
      }

      // Near a district's headquarters: distances shown, nearest first.
      await page.goto(`/${locale}/centers?from=kaski&radius=100`);
      const distances = (await entries.locator('.center-distance').allTextContents()).map((text) =>
        Number(
          text
            .replace(/[०-९]/g, (digit) => String('०१२३४५६७८९'.indexOf(digit)))
            .replace(/[^\d.]/g, ''),
        ),
      );
      expect(distances.length).toBeGreaterThan(0);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);

      // Keyset pages: "more" leads on with the same filters.
      await page.goto(`/${locale}/centers`);
      // The entry's anchor (`#center-…`, what the map's markers link to) is its article's id.
      const anchor = (page: Page) => list(page).first().locator('article').getAttribute('id');
      const first = await anchor(page);
      expect(first).toMatch(/^center-/);
      await page.getByRole('link', { name: catalog.centers.list.more }).click();
      await expect(page).toHaveURL(/cursor=/);
      expect(await anchor(page)).not.toBe(first);

      // A bad filter is refused by name.
      const refused = await page.goto(`/${locale}/centers?district=atlantis`);
      expect(refused?.status()).toBe(400);
      await expect(page.getByRole('alert')).toContainText(catalog.centers.errors.district);

      // A center's page: hours with today marked, directions, and back with the filters kept.
      await page.goto(`/${locale}/centers?service=oil-change`);
      const name = (await entries.first().locator('h3').textContent())!.trim();
      // Exact: the directions links' names ("Directions to {name} on …") contain it too.
      await entries.first().getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(
        page.getByRole('link', {
          name: fill(catalog.centers.list.directionsTo, {
            name,
            site: catalog.centers.list.directionsOsm,
          }),
        }),
      ).toHaveAttribute('href', /openstreetmap\.org\/directions\?route=/);
      const hours = page.getByRole('table', { name: catalog.centers.center.hours });
      if (await hours.count()) {
        await expect(hours.locator('tr[aria-current="date"]')).toContainText(
          catalog.centers.center.today,
        );
      }
      await page.getByRole('link', { name: catalog.centers.center.back }).click();
      await expect(page).toHaveURL(/service=oil-change/);
      await expectNoSidewaysScroll(page);
    });

    test('an owner saves a center from the list and finds it under saved centers', async ({
      page,
      request,
    }) => {
      const { email } = await registerOwner(request, `finder-${locale}`, locale, password);
      await logIn(page, catalog, locale, email);
      const entry = list(page).first();
      const name = (await entry.locator('h3').textContent())!.trim();
      await entry
        .getByRole('button', { name: fill(catalog.centers.list.saveLabel, { name }) })
        .click();
      await expect(page.getByRole('status')).toContainText(catalog.centers.done.save);
      await expect(
        list(page)
          .first()
          .getByRole('button', { name: fill(catalog.centers.list.unsaveLabel, { name }) }),
      ).toBeVisible();

      await page.getByRole('link', { name: catalog.account.savedCenters }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: catalog.centers.saved.title }),
      ).toBeVisible();
      const saved = page.getByRole('article', { name });
      await expect(saved).toBeVisible();
      await saved
        .getByRole('button', { name: fill(catalog.centers.list.unsaveLabel, { name }) })
        .click();
      await expect(page.getByRole('status')).toContainText(catalog.centers.done.unsave);
      await expect(page.getByText(catalog.centers.saved.empty)).toBeVisible();
    });
  });
}
