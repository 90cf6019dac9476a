import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { CMS_PORT } from './servers/ports.mjs';

type Catalog = typeof en;

const password = 'Gorkha-Himal-Rhino-42';

interface NewVehicle {
  make: string;
  model: string;
  /** As the year select shows it: Latin digits in English, Devanagari in Nepali. */
  year: string;
  trim?: string;
  registration: string;
  nickname?: string;
  odometer?: string;
  /** Submit by pressing Enter in the registration field instead of clicking the button. */
  pressEnter?: boolean;
}

const cms = (path: string) => `http://127.0.0.1:${CMS_PORT}${path}`;

// Registration numbers are unique platform-wide: each plate a test adds is new, also when the
// tests run again against the same CMS.
let plateSerial = Math.floor(Math.random() * 99_000);

/** A zonal plate's lot and number that no other test uses. */
function newPlate(): { lot: number; number: number } {
  plateSerial += 1;
  return { lot: 1 + (plateSerial % 99), number: 1000 + (plateSerial % 9000) };
}

const inDevanagari = (value: number) =>
  new Intl.NumberFormat('ne', { useGrouping: false }).format(value);

async function registerOwner(request: APIRequestContext, label: string, locale: 'en' | 'ne') {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `${label}-${id}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password, preferredLocale: locale },
  });
  expect(registered.ok()).toBe(true);
  return { email, token: ((await registered.json()) as { jwt: string }).jwt };
}

/** Adds Bajaj Chetaks straight through the CMS, for a garage longer than one page. */
async function addChetaks(request: APIRequestContext, token: string, count: number) {
  const makes = (await (await request.get(cms('/api/catalog/makes'))).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const bajaj = makes.data.find((make) => make.slug === 'bajaj')!;
  const models = (await (
    await request.get(cms(`/api/catalog/makes/${bajaj.id}/models`))
  ).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const chetak = models.data.find((model) => model.slug === 'chetak')!;
  for (let index = 1; index <= count; index += 1) {
    const { lot, number } = newPlate();
    const added = await request.post(cms('/api/vehicles'), {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        data: {
          makeId: bajaj.id,
          modelId: chetak.id,
          year: 2022,
          registrationNumber: `SE ${lot} PA ${number}`,
          nickname: `Chetak ${index}`,
        },
      },
    });
    expect(added.status()).toBe(201);
  }
}

/** Opens the garage signed out, logs in on the page it sends to, and comes back. */
async function logInToGarage(page: Page, catalog: Catalog, locale: 'en' | 'ne', email: string) {
  await page.goto(`/${locale}/garage`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?next=%2F${locale}%2Fgarage$`));
  await page.getByLabel(catalog.fields.email).fill(email);
  await page.getByLabel(catalog.fields.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: catalog.login.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/garage$`));
}

/**
 * Fills the add/edit form. With JavaScript the island narrows the selects as they change;
 * without it, the "Show models" and "Show years and trims" buttons ask the server.
 */
async function chooseFromCatalog(page: Page, catalog: Catalog, vehicle: NewVehicle, js: boolean) {
  const { form, fields } = catalog.garage;
  if (js) {
    // Hydrated: the island has replaced the server-flow buttons with live selects.
    await expect(page.getByRole('button', { name: form.showModels })).toHaveCount(0);
  }
  await page.getByLabel(fields.make).selectOption({ label: vehicle.make });
  if (!js) await page.getByRole('button', { name: form.showModels }).click();
  await page.getByLabel(fields.model).selectOption({ label: vehicle.model });
  if (!js) await page.getByRole('button', { name: form.showYears }).click();
  await page.getByLabel(fields.year).selectOption({ label: vehicle.year });
  if (vehicle.trim) await page.getByLabel(fields.trim).selectOption({ label: vehicle.trim });
}

async function addVehicle(page: Page, catalog: Catalog, vehicle: NewVehicle, js = true) {
  const { form, fields } = catalog.garage;
  await chooseFromCatalog(page, catalog, vehicle, js);
  if (vehicle.nickname) await page.getByLabel(fields.nickname).fill(vehicle.nickname);
  if (vehicle.odometer) await page.getByLabel(fields.odometer).fill(vehicle.odometer);
  const registration = page.getByLabel(fields.registrationNumber);
  await registration.fill(vehicle.registration);
  if (vehicle.pressEnter) await registration.press('Enter');
  else await page.getByRole('button', { name: form.submitAdd }).click();
}

const vehicleCards = (page: Page, catalog: Catalog) =>
  page.getByRole('list', { name: catalog.garage.title }).getByRole('listitem');

async function openGarage(page: Page, catalog: Catalog) {
  await page
    .getByRole('navigation', { name: catalog.account.navLabel })
    .getByRole('link', { name: catalog.account.garage })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalog.garage.title);
}

/** The garage flow in one language: add two vehicles, rename one, delete the other. */
async function garageFlow(
  page: Page,
  catalog: Catalog,
  vehicles: { first: NewVehicle; second: NewVehicle; secondName: string; renamed: string },
  js: boolean,
) {
  const { garage } = catalog;

  await test.step('an empty garage invites the owner to add a vehicle', async () => {
    await expect(page.getByRole('heading', { name: garage.empty.title })).toBeVisible();
    await page.getByRole('link', { name: garage.empty.action }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(garage.form.addTitle);
  });

  await test.step('the first vehicle is added and its page confirms it', async () => {
    await addVehicle(page, catalog, vehicles.first, js);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vehicles.first.nickname!);
    await expect(page.getByRole('status')).toHaveText(garage.detail.saved);
  });

  await test.step('the second vehicle is added from the garage', async () => {
    await openGarage(page, catalog);
    await page.getByRole('link', { name: garage.add }).click();
    await addVehicle(page, catalog, vehicles.second, js);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vehicles.secondName);
  });

  await test.step('the garage shows both vehicles', async () => {
    await openGarage(page, catalog);

    await expect(vehicleCards(page, catalog)).toHaveCount(2);
    await expect(page.getByRole('heading', { name: vehicles.first.nickname })).toBeVisible();
    await expect(page.getByRole('heading', { name: vehicles.secondName })).toBeVisible();
  });

  await test.step('the second vehicle gets a nickname', async () => {
    await page.getByRole('link', { name: vehicles.secondName }).click();
    await page.getByRole('link', { name: garage.detail.edit, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      garage.form.editTitle.replace('{name}', vehicles.secondName),
    );
    await page.getByLabel(garage.fields.nickname).fill(vehicles.renamed);
    await page.getByRole('button', { name: garage.form.submitEdit }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vehicles.renamed);
    await expect(page.getByRole('status')).toHaveText(garage.detail.saved);
  });

  await test.step('deleting it asks first, then leaves one vehicle', async () => {
    await page.getByRole('link', { name: garage.detail.delete, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      garage.delete.title.replace('{name}', vehicles.renamed),
    );
    await expect(page.getByText(garage.delete.text)).toBeVisible();
    await page.getByRole('button', { name: garage.delete.confirm }).click();

    await expect(page).toHaveURL(/\/garage\?deleted=1$/);
    await expect(page.getByRole('status')).toHaveText(garage.deleted);
    await expect(vehicleCards(page, catalog)).toHaveCount(1);
    await expect(page.getByRole('heading', { name: vehicles.first.nickname })).toBeVisible();
    await expect(page.getByRole('heading', { name: vehicles.renamed })).toHaveCount(0);
  });
}

test('an owner adds, renames and deletes vehicles in English', async ({ page, request }) => {
  const { email } = await registerOwner(request, 'garage-en', 'en');
  await logInToGarage(page, en, 'en', email);
  const [zonal, provincial] = [newPlate(), newPlate()];

  await garageFlow(
    page,
    en,
    {
      first: {
        make: 'Bajaj',
        model: 'Pulsar 150',
        year: '2019',
        trim: 'Twin Disc',
        registration: `BA ${zonal.lot} PA ${zonal.number}`,
        nickname: 'Rato Pulsar',
        odometer: '12500',
      },
      second: {
        make: 'Hyundai',
        model: 'Creta',
        year: '2021',
        trim: 'SX',
        registration: `Bagmati 01-002 Cha ${provincial.number}`,
      },
      secondName: 'Hyundai Creta',
      renamed: 'Seto Creta',
    },
    true,
  );

  await test.step('the card shows the odometer', async () => {
    await expect(vehicleCards(page, en)).toContainText('12,500 km');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an owner adds, renames and deletes vehicles in Nepali', async ({ page, request }) => {
    const { email } = await registerOwner(request, 'garage-ne', 'ne');
    await logInToGarage(page, ne, 'ne', email);
    const [devanagari, latin] = [newPlate(), newPlate()];

    await garageFlow(
      page,
      ne,
      {
        first: {
          make: 'बजाज',
          model: 'पल्सर १५०',
          year: '२०२०',
          trim: 'सिंगल डिस्क',
          registration: `बा ${inDevanagari(devanagari.lot)} प ${inDevanagari(devanagari.number)}`,
          nickname: 'कालो पल्सर',
          odometer: '८२००',
        },
        // Enter saves, even though "Show models" is the first button of the form.
        second: {
          make: 'बजाज',
          model: 'चेतक',
          year: '२०२२',
          registration: `GA ${latin.lot} PA ${latin.number}`,
          pressEnter: true,
        },
        secondName: 'बजाज चेतक',
        renamed: 'निलो चेतक',
      },
      false,
    );

    await test.step('the card shows the odometer in Nepali digits', async () => {
      await expect(vehicleCards(page, ne)).toContainText('८,२०० कि.मी.');
    });
  });

  test('"Show more vehicles" opens the next page of the garage', async ({ page, request }) => {
    const { email, token } = await registerOwner(request, 'garage-pages-nojs', 'en');
    await addChetaks(request, token, 13);
    await logInToGarage(page, en, 'en', email);
    await expect(vehicleCards(page, en)).toHaveCount(12);

    await page.getByRole('link', { name: en.garage.loadMore }).click();

    await expect(page).toHaveURL(/\/en\/garage\?cursor=/);
    await expect(vehicleCards(page, en)).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Chetak 1', exact: true })).toBeVisible();
    await page.getByRole('link', { name: en.garage.firstPage }).click();
    await expect(vehicleCards(page, en)).toHaveCount(12);
  });
});

test('a registration number already in the garage, spelled differently, is refused', async ({
  page,
  request,
}) => {
  const { email } = await registerOwner(request, 'garage-duplicate', 'en');
  await logInToGarage(page, en, 'en', email);
  const pulsar = { make: 'Bajaj', model: 'Pulsar 150', year: '2018' };
  // "BA 2 PA 1234", "ba-2-pa-1234" and "बा २ प १२३४" are one plate (with fresh digits).
  const { lot, number } = newPlate();
  await page.goto('/en/garage/new');
  await addVehicle(page, en, {
    ...pulsar,
    registration: `BA ${lot} PA ${number}`,
    nickname: 'First',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First');

  await page.goto('/en/garage/new');
  const otherSpelling = `ba-${lot}-pa-${number}`;
  await addVehicle(page, en, { ...pulsar, registration: otherSpelling, nickname: 'Second' });

  const summary = page.getByRole('alert');
  const registration = page.getByLabel(en.garage.fields.registrationNumber);
  await expect(summary).toContainText(en.garage.errors.registrationTaken);
  await expect(summary).toBeFocused();
  await expect(registration).toHaveValue(otherSpelling);
  await expect(registration).toHaveAccessibleDescription(
    new RegExp(en.garage.errors.registrationTaken),
  );
  await expect(page).toHaveTitle(new RegExp(`^${en.forms.errorPrefix}`));

  await registration.fill(`बा ${inDevanagari(lot)} प ${inDevanagari(number)}`);
  await page.getByRole('button', { name: en.garage.form.submitAdd }).click();
  await expect(page.getByRole('alert')).toContainText(en.garage.errors.registrationTaken);
});

test('the vehicle page keeps odometer readings and notes', async ({ page, request }) => {
  const { email } = await registerOwner(request, 'garage-detail', 'en');
  await logInToGarage(page, en, 'en', email);
  const { lot, number } = newPlate();
  await page.goto('/en/garage/new');
  await addVehicle(page, en, {
    make: 'Hyundai',
    model: 'Creta',
    year: '2020',
    registration: `BA ${lot} CHA ${number}`,
    nickname: 'Family car',
    odometer: '40000',
  });
  const { odometer, notes, errors } = en.garage;

  await test.step('a lower reading is explained, and accepted as a correction', async () => {
    await page.getByLabel(odometer.readingKm).fill('39000');
    await page.getByRole('button', { name: odometer.submit }).click();

    await expect(page.getByRole('alert')).toContainText(errors.readingLower);
    await expect(page.getByLabel(odometer.readingKm)).toHaveValue('39000');

    await page.getByLabel(odometer.correction).check();
    await page.getByRole('button', { name: odometer.submit }).click();

    await expect(page.getByRole('status')).toHaveText(odometer.added);
    const readings = page.getByRole('table', { name: odometer.tableCaption });
    await expect(readings.getByRole('row')).toHaveCount(3);
    await expect(readings.getByRole('row').nth(1)).toContainText('39,000 km');
    await expect(page.getByRole('figure')).toContainText('40,000 km');
  });

  await test.step('a note is added, edited and deleted', async () => {
    await page.getByLabel(notes.body).fill('Chain oiled at 40,000 km');
    await page.getByRole('button', { name: notes.submit }).click();
    await expect(page.getByRole('status')).toHaveText(notes.added);
    const list = page.getByRole('list', { name: notes.listLabel });
    await expect(list).toContainText('Chain oiled at 40,000 km');

    await list.getByRole('link', { name: /^Edit the note of/ }).click();
    await expect(page.getByRole('textbox', { name: /^Note of/ })).toBeFocused();
    await page.getByRole('textbox', { name: /^Note of/ }).fill('Tyres rotated');
    await page.getByRole('button', { name: notes.save }).click();
    await expect(page.getByRole('status')).toHaveText(notes.updated);
    await expect(list).toContainText('Tyres rotated');

    await list.getByRole('button', { name: /^Delete the note of/ }).click();
    await expect(page.getByRole('status')).toHaveText(notes.deleted);
    await expect(page.getByText(notes.none)).toBeVisible();
  });
});

test('"Show more vehicles" adds the next page of the garage without leaving it', async ({
  page,
  request,
}) => {
  const { email, token } = await registerOwner(request, 'garage-pages', 'en');
  await addChetaks(request, token, 13);
  await logInToGarage(page, en, 'en', email);
  await expect(vehicleCards(page, en)).toHaveCount(12);
  // Newest first: the first one added is on the second page.
  await expect(page.getByRole('heading', { name: 'Chetak 1', exact: true })).toHaveCount(0);

  const loadMore = page.getByRole('link', { name: en.garage.loadMore });
  await loadMore.scrollIntoViewIfNeeded();
  // Hydrated (it hydrates when visible), the link controls the list instead of leaving the page.
  await expect(loadMore).toHaveAttribute('aria-controls', 'vehicle-list');
  await loadMore.click();

  await expect(vehicleCards(page, en)).toHaveCount(13);
  await expect(page.getByRole('link', { name: 'Chetak 1', exact: true })).toBeFocused();
  await expect(page.getByRole('link', { name: en.garage.loadMore })).toHaveCount(0);
  await expect(page).toHaveURL(/\/en\/garage$/);
});
