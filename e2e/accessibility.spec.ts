import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { pngImage } from './png';
import { CMS_PORT } from './servers/ports.mjs';
import { submitSignIn } from './owners';

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

const cms = (path: string) => `http://127.0.0.1:${CMS_PORT}${path}`;

/** A Pulsar with a photo, added through the CMS, so its page has a photo gallery. */
async function addPulsarWithPhoto(request: APIRequestContext, token: string): Promise<string> {
  const headers = { Authorization: `Bearer ${token}` };
  const makes = (await (await request.get(cms('/api/catalog/makes'))).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const bajaj = makes.data.find((make) => make.slug === 'bajaj')!;
  const models = (await (
    await request.get(cms(`/api/catalog/makes/${bajaj.id}/models`))
  ).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const pulsar = models.data.find((model) => model.slug === 'pulsar-150')!;
  const plate = `BA ${1 + Math.floor(Math.random() * 98)} PA ${1000 + Math.floor(Math.random() * 8999)}`;
  const added = await request.post(cms('/api/vehicles'), {
    headers,
    data: {
      data: {
        makeId: bajaj.id,
        modelId: pulsar.id,
        year: 2019,
        registrationNumber: plate,
        nickname: 'Rato Pulsar',
      },
    },
  });
  expect(added.status()).toBe(201);
  const id = ((await added.json()) as { data: { id: string } }).data.id;
  const photo = await request.post(cms(`/api/vehicles/${id}/photos`), {
    headers,
    multipart: { files: { name: 'pulsar.png', mimeType: 'image/png', buffer: pngImage(8, 5) } },
  });
  expect(photo.status()).toBe(201);
  return id;
}

/** A completed service with a bill and a planned one, so the service pages have content. */
async function addServices(request: APIRequestContext, token: string, vehicleId: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const line = {
    label: 'Brake pads',
    category: 'parts',
    quantity: 1,
    unitPricePaisa: 150_000,
    amountPaisa: 150_000,
  };
  const done = await request.post(cms('/api/service-records'), {
    headers,
    data: {
      data: {
        vehicleId,
        status: 'completed',
        completedAt: new Date().toISOString(),
        kind: 'brakes',
        odometerKm: 12_500,
        lineItems: [line],
      },
    },
  });
  expect(done.status()).toBe(201);
  const doneId = ((await done.json()) as { data: { id: string } }).data.id;
  const planned = await request.post(cms('/api/service-records'), {
    headers,
    data: {
      data: {
        vehicleId,
        scheduledAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        kind: 'oil-change',
        centerName: 'Sipradi, Thapathali',
      },
    },
  });
  expect(planned.status()).toBe(201);
  return { planned: ((await planned.json()) as { data: { id: string } }).data.id, done: doneId };
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
    // Thirteen pages, each checked by axe: more than the default 30 s on a busy machine.
    test.slow();
    await page.setViewportSize({ width: 360, height: 740 });
    const email = `a11y-${locale}-${Date.now()}@example.com`;
    const registered = await request.post(cms('/api/auth/local/register'), {
      data: { username: email, email, password, preferredLocale: locale },
    });
    expect(registered.ok()).toBe(true);
    const { jwt } = (await registered.json()) as { jwt: string };
    const vehicleId = await addPulsarWithPhoto(request, jwt);
    const { planned: recordId, done: doneId } = await addServices(request, jwt, vehicleId);

    await page.goto(`/${locale}/login`);
    await submitSignIn(page, catalog, email, password);
    await expect(page).toHaveURL(new RegExp(`/${locale}/`));

    const services = `garage/${vehicleId}/services`;
    for (const path of [
      'profile',
      'profile/calendar',
      'garage',
      'garage/new',
      `garage/${vehicleId}`,
      `${services}/new`,
      `${services}/calendar`,
      `${services}/${recordId}`,
      `${services}/${recordId}/edit`,
      `${services}/${recordId}/complete`,
      `${services}/${recordId}/cancel`,
      `${services}/${doneId}`,
      `${services}/${doneId}/edit`,
      'documents',
    ]) {
      await page.goto(`/${locale}/${path}`);
      await expectAccessible(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at 360 px`).toBe(false);
    }
  });
}
