import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import en from '../cms/src/plugins/admin-console/admin/src/translations/en.json';
import { cms, signInToAdmin } from './admin';

const password = 'Annapurna-Base-Camp-4130';

/** An owner with one vehicle, added through the owner API as the portal does. */
async function ownerWithVehicle(request: APIRequestContext) {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `console-${id}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password },
  });
  expect(registered.ok()).toBe(true);
  const token = ((await registered.json()) as { jwt: string }).jwt;
  const makes = (await (await request.get(cms('/api/catalog/makes'))).json()) as {
    data: Array<{ id: string; slug: string; name: string }>;
  };
  const make = makes.data.find((candidate) => candidate.slug === 'bajaj')!;
  const models = (await (
    await request.get(cms(`/api/catalog/makes/${make.id}/models`))
  ).json()) as { data: Array<{ id: string; slug: string; name: string }> };
  const model = models.data.find((candidate) => candidate.slug === 'chetak')!;
  const serial = Math.floor(Math.random() * 9000) + 1000;
  const registrationNumber = `KO ${1 + (serial % 99)} PA ${serial}`;
  const added = await request.post(cms('/api/vehicles'), {
    headers: { Authorization: `Bearer ${token}` },
    data: { data: { makeId: make.id, modelId: model.id, year: 2022, registrationNumber } },
  });
  expect(added.status()).toBe(201);
  return { email, registrationNumber, make: make.name, model: model.name };
}

test("the admin homepage is MotorGhar's: its widgets, no guided tour or Strapi Cloud prompts", async ({
  page,
}) => {
  // The tour is not skipped here: this test is the one that finds it if it ever shows.
  await signInToAdmin(page, { skipTour: false });
  const main = page.getByRole('main');
  for (const title of [
    en['widget.owners.title'],
    en['widget.vehicles.title'],
    en['widget.services.title'],
    en['widget.deliveries.title'],
    en['widget.recalls.title'],
    en['widget.centers.title'],
  ]) {
    await expect(main.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  }
  await expect(main.getByRole('link', { name: en['widget.owners.link'] })).toBeVisible();
  await expect(main.getByRole('link', { name: en['widget.vehicles.link'] })).toBeVisible();
  // Figures loaded (no widget stuck loading or failed).
  await expect(main.getByText(en['widget.error'])).toHaveCount(0);
  await expect(main.getByText('Loading widget content')).toHaveCount(0);

  await expect(page.getByText(/Strapi Cloud/i)).toHaveCount(0);
  await expect(page.getByText(/guided tour/i)).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.filter((violation) => violation.impact === 'critical')).toEqual([]);
});

test("an admin opens the vehicles list and sees registration numbers, owners' emails, make and model names", async ({
  page,
  request,
}) => {
  const vehicle = await ownerWithVehicle(request);
  await signInToAdmin(page, { skipTour: false });
  await page.getByRole('link', { name: en['widget.vehicles.link'] }).click();
  await expect(page).toHaveURL(/content-manager\/collection-types\/api::vehicle\.vehicle/);

  const grid = page.getByRole('grid');
  // The design system's header row holds grid cells, not column headers.
  const header = grid.getByRole('row').first();
  for (const column of ['Registration number', 'Owner', 'Make', 'Model', 'Year']) {
    await expect(header.getByRole('gridcell', { name: column, exact: true })).toBeVisible();
  }
  const row = grid.getByRole('row').filter({ hasText: vehicle.registrationNumber });
  await expect(row).toContainText(vehicle.email);
  await expect(row).toContainText(vehicle.make);
  await expect(row).toContainText(vehicle.model);
  await expect(row.getByRole('gridcell', { name: '2022', exact: true })).toBeVisible();
});
