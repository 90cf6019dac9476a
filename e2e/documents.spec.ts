import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { pngImage } from './png';
import { cms } from './admin';
import { registerOwner, submitSignIn } from './owners';

type Catalog = typeof en;
type Locale = 'en' | 'ne';

const password = 'Gorkha-Himal-Rhino-42';
const digitsOf = (locale: Locale, value: number) =>
  locale === 'ne'
    ? new Intl.NumberFormat('ne', { useGrouping: false }).format(value)
    : String(value);

/** Today in Nepal plus `days`, as `YYYY-MM-DD`. */
function nepalDay(days: number): string {
  const nepal = new Date(Date.now() + (5 * 60 + 45) * 60_000 + days * 86_400_000);
  return nepal.toISOString().slice(0, 10);
}

/** Adds a Bajaj Pulsar 150 straight through the CMS; answers its id. */
async function addPulsar(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post(cms('/api/auth/local'), {
    data: { identifier: email, password },
  });
  const token = ((await login.json()) as { jwt: string }).jwt;
  const list = async <T>(path: string) =>
    ((await (await request.get(cms(path))).json()) as { data: T[] }).data;
  const make = (await list<{ id: string; slug: string }>('/api/catalog/makes')).find(
    (candidate) => candidate.slug === 'bajaj',
  )!;
  const model = (
    await list<{ id: string; slug: string }>(`/api/catalog/makes/${make.id}/models`)
  ).find((candidate) => candidate.slug === 'pulsar-150')!;
  const plate = 1000 + Math.floor(Math.random() * 8999);
  const added = await request.post(cms('/api/vehicles'), {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      data: {
        makeId: make.id,
        modelId: model.id,
        year: 2019,
        nickname: 'Rato Pulsar',
        registrationNumber: `SE ${1 + (plate % 98)} PA ${plate}`,
      },
    },
  });
  expect(added.status()).toBe(201);
  return ((await added.json()) as { data: { id: string } }).data.id;
}

/** Opens the vault signed out, logs in on the page it sends to, and comes back. */
async function logInToVault(page: Page, catalog: Catalog, locale: Locale, email: string) {
  await page.goto(`/${locale}/documents`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?next=%2F${locale}%2Fdocuments$`));
  await submitSignIn(page, catalog, email, password);
  await expect(page).toHaveURL(new RegExp(`/${locale}/documents$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalog.documents.vault.title);
}

/** The page's confirmation (the date fields' previews are status outputs too). */
const confirmation = (page: Page) => page.locator('.confirmation[role=status]');

async function uploadIslandReady(page: Page) {
  const island = page.locator('astro-island', { has: page.locator('input[type=file]') });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr');
}

/**
 * Uploads a PNG bluebook expiring in ten days, watches the progress finish, and checks the
 * card: expiry badge, preview, download. Answers the document's id.
 */
async function uploadBluebook(page: Page, catalog: Catalog, locale: Locale, png: Buffer) {
  const { documents } = catalog;
  await uploadIslandReady(page);
  await page.getByLabel(documents.fields.kind).selectOption({ label: documents.kinds.bluebook });
  await page.getByLabel(documents.fields.number).fill('BA 2 PA 3456');
  await page.getByLabel(documents.fields.expiresOn).fill(nepalDay(10));
  await page.getByLabel(documents.upload.file).setInputFiles({
    name: 'bluebook.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await expect(page.getByRole('img', { name: /bluebook\.png/ })).toBeVisible();

  // About 300 KB at 128 KB/s: the bar is seen moving before the page moves on.
  const network = await page.context().newCDPSession(page);
  await network.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 128 * 1024,
  });
  await page.getByRole('button', { name: documents.upload.submit }).click();
  await expect(page.getByRole('progressbar', { name: documents.upload.progress })).toBeVisible();
  await expect(page.getByRole('button', { name: documents.upload.submit })).toBeDisabled();
  await expect(confirmation(page)).toHaveText(documents.vault.uploaded, { timeout: 20_000 });
  await network.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  const card = page.getByRole('article', { name: documents.kinds.bluebook });
  await expect(card).toBeVisible();
  await expect(card).toContainText(documents.expiry['expiring-soon']);
  await expect(card).toContainText(documents.expiry.inDays.replace('{days}', digitsOf(locale, 10)));
  await expect(card).toContainText(documents.item.number.replace('{number}', 'BA 2 PA 3456'));

  // The preview is drawn from the portal's own file route.
  const thumbnail = card.locator('img');
  await expect(thumbnail).toHaveAttribute('src', /^\/api\/documents\/[a-z0-9]+\/file$/);
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(600);

  const downloading = page.waitForEvent('download');
  await card.getByRole('link', { name: documents.item.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bluebook.png');
  const saved = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(png)).toBe(true);

  const src = (await thumbnail.getAttribute('src'))!;
  return src.split('/')[3]!;
}

/** Another owner, signed in a browser of their own, gets a 404 for the document. */
async function anotherOwnerIsRefused(
  browser: Browser,
  request: APIRequestContext,
  catalog: Catalog,
  locale: Locale,
  documentId: string,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await logInToVault(
      page,
      catalog,
      locale,
      (await registerOwner(request, 'other', locale, password)).email,
    );
    await expect(page.getByText(catalog.documents.vault.empty)).toBeVisible();
    const file = await page.request.get(`/api/documents/${documentId}/file`);
    expect(file.status()).toBe(404);
    const download = await page.request.get(`/api/documents/${documentId}/file?download=1`);
    expect(download.status()).toBe(404);
    const details = await page.goto(`/${locale}/documents/${documentId}`);
    expect(details?.status()).toBe(404);
  } finally {
    await context.close();
  }
}

for (const [locale, catalog] of [
  ['en', en],
  ['ne', ne],
] as const) {
  test(`an owner uploads a document and sees its expiry badge (${locale})`, async ({
    page,
    browser,
    request,
  }) => {
    const { email } = await registerOwner(request, `vault-${locale}`, locale, password);
    const vehicleId = await addPulsar(request, email);
    await logInToVault(page, catalog, locale, email);
    await expect(page.getByText(catalog.documents.vault.empty)).toBeVisible();
    await page.getByLabel(catalog.documents.fields.vehicle).selectOption(vehicleId);

    const documentId = await uploadBluebook(
      page,
      catalog,
      locale,
      pngImage(600, 200, { noise: true }),
    );

    await test.step('the vehicle’s page lists it with its badge', async () => {
      await page.goto(`/${locale}/garage/${vehicleId}`);
      const section = page.getByRole('region', { name: catalog.documents.vehicleSection.title });
      const card = section.getByRole('article', { name: catalog.documents.kinds.bluebook });
      await expect(card).toContainText(catalog.documents.expiry['expiring-soon']);
      await page.goto(`/${locale}/documents`);
    });

    await test.step('the details can be changed', async () => {
      await page.getByRole('link', { name: catalog.documents.item.edit }).click();
      await page.getByLabel(catalog.documents.fields.title).fill('Rato Pulsar bluebook');
      await page.getByRole('button', { name: catalog.documents.detail.save }).click();
      await expect(confirmation(page)).toHaveText(catalog.documents.vault.updated);
      await expect(page.getByRole('article', { name: 'Rato Pulsar bluebook' })).toBeVisible();
    });

    await test.step('another owner cannot see it', async () => {
      await anotherOwnerIsRefused(browser, request, catalog, locale, documentId);
    });

    await test.step('it is deleted after a confirmation', async () => {
      await page.getByRole('link', { name: catalog.documents.item.delete }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        catalog.documents.delete.title,
      );
      await page.getByRole('button', { name: catalog.documents.delete.confirm }).click();
      await expect(confirmation(page)).toHaveText(catalog.documents.vault.deleted);
      await expect(page.getByText(catalog.documents.vault.empty)).toBeVisible();
      expect((await page.request.get(`/api/documents/${documentId}/file`)).status()).toBe(404);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an owner uploads a PDF in Nepali through the plain form', async ({ page, request }) => {
    const { documents } = ne;
    const { email } = await registerOwner(request, 'vault-nojs', 'ne', password);
    await logInToVault(page, ne, 'ne', email);

    await test.step('a wrong date is explained at its field', async () => {
      await page
        .getByLabel(documents.fields.kind)
        .selectOption({ label: documents.kinds.insurance });
      await page.getByLabel(documents.fields.expiresOn).fill('2026-02-30');
      await page.getByRole('button', { name: documents.upload.submit }).click();
      await expect(page.locator('#expiresOn')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#file')).toHaveAttribute('aria-invalid', 'true');
    });

    await page.getByLabel(documents.fields.kind).selectOption({ label: documents.kinds.insurance });
    await page.getByLabel(documents.fields.expiresOn).fill(nepalDay(40));
    await page.getByLabel(documents.upload.file).setInputFiles({
      name: 'policy.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: documents.upload.submit }).click();
    await expect(confirmation(page)).toHaveText(documents.vault.uploaded);
    const card = page.getByRole('article', { name: documents.kinds.insurance });
    await expect(card).toContainText(documents.expiry.valid);
    await expect(card).toContainText('policy.pdf');
  });
});
