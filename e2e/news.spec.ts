import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { adminApiHeaders, cms } from './admin';
import { catalogIds } from './catalog';
import { submitSignIn } from './owners';

/*
 * News and recalls in the portal, against the real CMS (the news domain's content types
 * `api::news.news` and `api::news.recall`, created and published through the admin API as an
 * editor would). Every page here works without JavaScript: the whole file runs with it off.
 */
test.use({ javaScriptEnabled: false });

const catalogs = { en, ne } as const;
const NEWS_UID = 'api::news.news';
const RECALL_UID = 'api::news.recall';
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const password = 'Phewa-Lake-Recall-2083';

const ARTICLE = {
  slug: `helmet-rules-${stamp}`,
  tag: `helmets-${stamp}`,
  en: {
    title: `Helmet checks on the Ring Road ${stamp}`,
    summary: 'Traffic police will check helmets of riders and pillion riders from next month.',
    paragraph: 'Riders without a certified helmet will be fined at the checkpoints.',
  },
  ne: {
    title: `रिङरोडमा हेलमेट जाँच ${stamp}`,
    summary: 'अर्को महिनादेखि ट्राफिक प्रहरीले चालक र पछाडि बस्नेको हेलमेट जाँच गर्नेछ।',
    paragraph: 'प्रमाणित हेलमेट नलगाउने चालकलाई जाँच चौकीमा जरिवाना गरिनेछ।',
  },
};

const RECALL = {
  campaignId: `E2E-${stamp}`.toUpperCase(),
  en: {
    title: `Chetak brake hose recall ${stamp}`,
    summary: 'The front brake hose may rub against the fork and leak.',
    remedy: 'Visit an authorised dealer; the hose is replaced free of charge.',
  },
  ne: {
    title: `चेतक ब्रेक होज रिकल ${stamp}`,
    summary: 'अगाडिको ब्रेक होज फोर्कमा घोटिएर चुहिन सक्छ।',
    remedy: 'आधिकारिक डिलरकहाँ जानुहोस्; होज निःशुल्क फेरिदिइन्छ।',
  },
};

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/**
 * Creates an entry in English, adds its Nepali version and publishes both, as an editor does in
 * the Content Manager.
 */
async function publishBoth(
  request: APIRequestContext,
  headers: Record<string, string>,
  uid: string,
  fields: { en: Record<string, unknown>; ne: Record<string, unknown> },
): Promise<string> {
  const base = `/content-manager/collection-types/${uid}`;
  const created = await request.post(cms(`${base}?locale=en`), { headers, data: fields.en });
  expect(created.ok(), await created.text()).toBe(true);
  const documentId = ((await created.json()) as { data: { documentId: string } }).data.documentId;
  for (const locale of ['en', 'ne'] as const) {
    if (locale === 'ne') {
      const translated = await request.put(cms(`${base}/${documentId}?locale=ne`), {
        headers,
        data: fields.ne,
      });
      expect(translated.ok(), await translated.text()).toBe(true);
    }
    const published = await request.post(
      cms(`${base}/${documentId}/actions/publish?locale=${locale}`),
      { headers, data: fields[locale] },
    );
    expect(published.ok(), await published.text()).toBe(true);
  }
  return documentId;
}

/**
 * No serious or critical WCAG 2 A/AA violation, and no sideways scroll at 360 px. axe runs as a
 * script, so the page (as the owner sees it, cookies included) is checked in a second context
 * with JavaScript on; the pages ship none of their own either way.
 */
async function expectAccessibleOnAPhone(page: Page, browser: Browser) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} scrolls sideways at 360 px`).toBe(false);
  // Explicitly on: Playwright Test gives a context made here the file's `use` options too
  // (JavaScript off), and axe's run never settles in a page without it.
  const checking = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: true,
  });
  try {
    await checking.addCookies(await page.context().cookies());
    const copy = await checking.newPage();
    await copy.goto(page.url());
    const results = await new AxeBuilder({ page: copy }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
      );
    expect(serious, page.url()).toEqual([]);
  } finally {
    await checking.close();
  }
}

test.beforeAll(async ({ request }) => {
  const headers = await adminApiHeaders(request);
  await publishBoth(request, headers, NEWS_UID, {
    en: {
      title: ARTICLE.en.title,
      slug: ARTICLE.slug,
      summary: ARTICLE.en.summary,
      body: paragraph(ARTICLE.en.paragraph),
      tags: [ARTICLE.tag, 'road-safety'],
    },
    ne: {
      title: ARTICLE.ne.title,
      slug: ARTICLE.slug,
      summary: ARTICLE.ne.summary,
      body: paragraph(ARTICLE.ne.paragraph),
      tags: [ARTICLE.tag, 'road-safety'],
    },
  });
  const { makeId, modelId } = await catalogIds(request, 'bajaj', 'chetak');
  const shared = {
    campaignId: RECALL.campaignId,
    make: { connect: [{ documentId: makeId, locale: 'en' }] },
    model: { connect: [{ documentId: modelId, locale: 'en' }] },
    yearFrom: 2020,
    yearTo: 2024,
    severity: 'critical',
    sourceUrl: 'https://example.com/bajaj/recalls/chetak-brake-hose',
  };
  await publishBoth(request, headers, RECALL_UID, {
    en: { ...shared, ...RECALL.en },
    ne: {
      ...shared,
      make: { connect: [{ documentId: makeId, locale: 'ne' }] },
      model: { connect: [{ documentId: modelId, locale: 'ne' }] },
      ...RECALL.ne,
    },
  });
});

for (const locale of ['en', 'ne'] as const) {
  const catalog = catalogs[locale];
  const text = ARTICLE[locale];

  test(`the news list and an article in ${locale}, without JavaScript, on a phone`, async ({
    page,
    browser,
  }) => {
    // Two axe runs, each in a context and page of its own: about 20 s each on the shared
    // 2-core machine under load (measured), which with the rest passed 60 s.
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/${locale}/`);
    await page.getByRole('link', { name: catalog.nav.news, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/news$`));
    await expect(page.getByRole('heading', { level: 1, name: catalog.news.title })).toBeVisible();
    const card = page.getByRole('article').filter({ hasText: text.title });
    await expect(card).toContainText(text.summary);
    if (locale === 'ne') await expect(card.locator('time')).toContainText('वि.सं.');
    await expectAccessibleOnAPhone(page, browser);

    // The article's topic narrows the list.
    await card.getByRole('link', { name: ARTICLE.tag }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/news\\?tag=${ARTICLE.tag}$`));
    await expect(page.getByRole('article')).toHaveCount(1);

    await page.getByRole('link', { name: text.title }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/news/${ARTICLE.slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
    await expect(page.getByText(text.paragraph)).toBeVisible();
    await expect(page.locator('script')).toHaveCount(0);
    await expectAccessibleOnAPhone(page, browser);
    await page.getByRole('link', { name: catalog.news.back }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/news$`));
  });
}

test('an unknown article is a 404, a tag that is not one a 400', async ({ request }) => {
  expect((await request.get(`/en/news/no-such-article-${stamp}`)).status()).toBe(404);
  expect((await request.get('/en/news?tag=%3Cscript%3E')).status()).toBe(400);
});

for (const locale of ['en', 'ne'] as const) {
  const catalog = catalogs[locale];

  test(`the recalls panel in ${locale} shows a matching vehicle's recall and the owner marks it noted`, async ({
    page,
    request,
    browser,
  }) => {
    // Two axe runs besides a sign-in and a form post (see the news list's test).
    test.setTimeout(180_000);
    const email = `recalls-${locale}-${stamp}@example.com`;
    const registered = await request.post(cms('/api/auth/local/register'), {
      data: { username: email, email, password, preferredLocale: locale },
    });
    expect(registered.ok()).toBe(true);
    const { jwt } = (await registered.json()) as { jwt: string };
    const { makeId, modelId } = await catalogIds(request, 'bajaj', 'chetak');
    const plate = `SE ${1 + Math.floor(Math.random() * 98)} PA ${1000 + Math.floor(Math.random() * 8999)}`;
    const added = await request.post(cms('/api/vehicles'), {
      headers: { Authorization: `Bearer ${jwt}` },
      data: {
        data: { makeId, modelId, year: 2022, nickname: 'Nilo Chetak', registrationNumber: plate },
      },
    });
    expect(added.status()).toBe(201);
    const vehicleId = ((await added.json()) as { data: { id: string } }).data.id;

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/${locale}/garage`);
    await submitSignIn(page, catalog, email, password);
    await expect(page).toHaveURL(new RegExp(`/${locale}/garage$`));

    const panel = page.getByRole('region', { name: catalog.recalls.title });
    const recall = panel.getByRole('article').filter({ hasText: RECALL[locale].title });
    await expect(recall).toContainText(catalog.recalls.severity.critical);
    await expect(recall).toContainText(catalog.recalls.status.possible);
    await expect(recall).toContainText(RECALL[locale].remedy);
    await expectAccessibleOnAPhone(page, browser);

    // From the garage to the vehicle, where the same recall is shown with its status form.
    await recall.getByRole('link', { name: new RegExp(plate) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/garage/${vehicleId}$`));
    const onVehicle = page
      .getByRole('region', { name: catalog.recalls.title })
      .getByRole('article')
      .filter({ hasText: RECALL[locale].title });
    await onVehicle.getByRole('radio', { name: catalog.recalls.status.acknowledged }).check();
    await onVehicle.getByRole('button', { name: catalog.recalls.save }).click();

    await expect(page).toHaveURL(
      new RegExp(`/${locale}/garage/${vehicleId}\\?recall=acknowledged#recalls$`),
    );
    await expect(
      page.getByRole('status').filter({ hasText: catalog.recalls.done.acknowledged }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: catalog.recalls.title })
        .getByRole('article')
        .filter({ hasText: RECALL[locale].title })
        .getByRole('radio', { name: catalog.recalls.status.acknowledged }),
    ).toBeChecked();
    await expectAccessibleOnAPhone(page, browser);

    // The CMS keeps it.
    const mine = await request.get(cms(`/api/recalls/mine?locale=${locale}&vehicle=${vehicleId}`), {
      headers: { Authorization: `Bearer ${jwt}` },
    });
    const items = (
      (await mine.json()) as {
        data: Array<{ recall: { campaignId: string }; status: string }>;
      }
    ).data.filter((item) => item.recall.campaignId === RECALL.campaignId);
    expect(items.map((item) => item.status)).toEqual(['acknowledged']);
  });
}

test('the garage shows the three most urgent recalls and sends the owner to the rest', async ({
  page,
  request,
}) => {
  const email = `recalls-many-${stamp}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password, preferredLocale: 'en' },
  });
  expect(registered.ok()).toBe(true);
  const { jwt } = (await registered.json()) as { jwt: string };
  const { makeId, modelId } = await catalogIds(request, 'bajaj', 'chetak');
  // Four Chetaks: the Chetak recall is open for each of them.
  for (let index = 0; index < 4; index += 1) {
    const plate = `SE ${1 + Math.floor(Math.random() * 98)} PA ${1000 + Math.floor(Math.random() * 8999)}`;
    const added = await request.post(cms('/api/vehicles'), {
      headers: { Authorization: `Bearer ${jwt}` },
      data: { data: { makeId, modelId, year: 2021 + (index % 2), registrationNumber: plate } },
    });
    expect(added.status(), await added.text()).toBe(201);
  }

  await page.goto('/en/garage');
  await submitSignIn(page, en, email, password);
  await expect(page).toHaveURL(/\/en\/garage$/);

  const panel = page.getByRole('region', { name: en.recalls.title });
  await expect(panel.getByRole('article')).toHaveCount(3);
  const shown = en.recalls.garageShown
    .replace('{shown}', '3')
    .replace('{count}', '(\\d+)')
    .replace('.', '\\.');
  const said = (await panel.textContent()) ?? '';
  const count = Number(new RegExp(shown).exec(said)?.[1]);
  expect(count, said).toBeGreaterThanOrEqual(4);

  await panel.getByRole('link', { name: en.recalls.allLink }).click();
  await expect(page).toHaveURL(/\/en\/recalls$/);
  await expect(page.getByRole('article')).toHaveCount(count);
});
