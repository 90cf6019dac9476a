import { expect, test } from '@playwright/test';
import { adminApiHeaders, cms, expectNoSeriousAxeViolations, signInToAdmin } from './admin';

const UID = 'api::service-center.service-center';

let documentId = '';

test.afterAll(async ({ request }) => {
  if (!documentId) return;
  await request.delete(cms(`/content-manager/collection-types/${UID}/${documentId}?locale=*`), {
    headers: await adminApiHeaders(request),
  });
});

test('an admin geocodes a center again from its edit view and finds the centers that need coordinates', async ({
  page,
  request,
}) => {
  // Two full loads of the admin panel on a 2-core machine.
  test.setTimeout(180_000);
  const headers = await adminApiHeaders(request);
  const stamp = Date.now().toString(36);
  // Saved without coordinates and with no provider configured: the gazetteer places it.
  const created = await request.post(cms(`/content-manager/collection-types/${UID}?locale=en`), {
    headers,
    data: {
      name: `Geocode e2e ${stamp}`,
      slug: `geocode-e2e-${stamp}`,
      address: 'Lakeside Road 6, Pokhara',
      district: 'kaski',
    },
  });
  expect(created.ok()).toBe(true);
  const center = ((await created.json()) as { data: Record<string, unknown> }).data;
  documentId = center.documentId as string;
  expect(center).toMatchObject({ coordinatesSource: 'gazetteer', needsCoordinates: false });

  await signInToAdmin(page);
  // The admin's first load can be slow on a busy machine.
  await expect(page.getByRole('link', { name: 'Geocoding' })).toBeVisible({ timeout: 30_000 });

  await page.goto(
    cms(`/admin/content-manager/collection-types/${UID}/${documentId}?plugins[i18n][locale]=en`),
  );
  // The edit view's panel shows its first actions as buttons and the rest in a menu.
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible({ timeout: 30_000 });
  const button = page.getByRole('button', { name: 'Geocode again' });
  if (!(await button.isVisible())) {
    await page.getByRole('button', { name: 'More document actions' }).click();
  }
  const answer = page.waitForResponse((response) =>
    response.url().includes(`/geocoding/service-centers/${documentId}/geocode`),
  );
  await button.or(page.getByRole('menuitem', { name: 'Geocode again' })).click();
  expect((await answer).status()).toBe(200);
  await expect(page.getByText(/Placed at 28\.\d+, 83\.\d+ \(town or district list\)/)).toBeVisible({
    timeout: 15_000,
  });

  await page.getByRole('link', { name: 'Geocoding' }).click();
  await expect(
    page.getByRole('heading', { name: 'Geocoding of service centers', level: 1 }),
  ).toBeVisible();
  // The page's count (the action's toast and Strapi's live region are statuses too).
  await expect(
    page.getByRole('status').filter({ hasText: /center(s)? needs? coordinates|No center/ }),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Open the list' }).click();
  await expect(page).toHaveURL(/needsCoordinates/);
});
