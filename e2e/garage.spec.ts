import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { pngImage } from './png';
import { cms } from './admin';
import { catalogIds } from './catalog';
import { registerOwner, submitSignIn } from './owners';

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

/** Adds a vehicle straight through the CMS; answers its id. */
async function addThroughCms(
  request: APIRequestContext,
  token: string,
  vehicle: { makeId: string; modelId: string; year: number; nickname: string },
): Promise<string> {
  const { lot, number } = newPlate();
  const added = await request.post(cms('/api/vehicles'), {
    headers: { Authorization: `Bearer ${token}` },
    data: { data: { ...vehicle, registrationNumber: `SE ${lot} PA ${number}` } },
  });
  expect(added.status()).toBe(201);
  return ((await added.json()) as { data: { id: string } }).data.id;
}

/** Adds Bajaj Chetaks straight through the CMS, for a garage longer than one page. */
async function addChetaks(request: APIRequestContext, token: string, count: number) {
  const chetak = await catalogIds(request, 'bajaj', 'chetak');
  for (let index = 1; index <= count; index += 1) {
    await addThroughCms(request, token, { ...chetak, year: 2022, nickname: `Chetak ${index}` });
  }
}

/** Opens the garage signed out, logs in on the page it sends to, and comes back. */
async function logInToGarage(page: Page, catalog: Catalog, locale: 'en' | 'ne', email: string) {
  await page.goto(`/${locale}/garage`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?next=%2F${locale}%2Fgarage$`));
  await submitSignIn(page, catalog, email, password);
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

    // Nothing changed: the portal serves the page it kept (GET /api/garage/version unchanged).
    const again = await page.reload();
    expect(again?.headers()['server-timing']).toContain('kept');
    await expect(vehicleCards(page, catalog)).toHaveCount(2);
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

  await test.step('the garage shows the new nickname at once, not the page it kept', async () => {
    const [response] = await Promise.all([
      page.waitForResponse(
        (answer) => new URL(answer.url()).pathname.endsWith('/garage') && answer.status() === 200,
      ),
      openGarage(page, catalog),
    ]);
    expect(response.headers()['server-timing'] ?? '').not.toContain('kept');
    await expect(page.getByRole('heading', { name: vehicles.renamed })).toBeVisible();
    await expect(page.getByRole('heading', { name: vehicles.secondName })).toHaveCount(0);
    await page.getByRole('link', { name: vehicles.renamed }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vehicles.renamed);
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
  const { email } = await registerOwner(request, 'garage-en', 'en', password);
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
    const { email } = await registerOwner(request, 'garage-ne', 'ne', password);
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
    const { email, token } = await registerOwner(request, 'garage-pages-nojs', 'en', password);
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
  const { email } = await registerOwner(request, 'garage-duplicate', 'en', password);
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
  const { email } = await registerOwner(request, 'garage-detail', 'en', password);
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
  const { email, token } = await registerOwner(request, 'garage-pages', 'en', password);
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Pulsar with one nickname, added through the CMS; the owner is logged in on its page. */
async function openNewPulsar(
  page: Page,
  request: APIRequestContext,
  catalog: Catalog,
  locale: 'en' | 'ne',
  nickname: string,
) {
  const { email, token } = await registerOwner(request, `photos-${locale}`, locale, password);
  const pulsar = await catalogIds(request, 'bajaj', 'pulsar-150');
  await addThroughCms(request, token, { ...pulsar, year: 2019, nickname });
  await logInToGarage(page, catalog, locale, email);
  await page.getByRole('link', { name: nickname }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nickname);
}

/**
 * Waits until the upload form is hydrated (Astro drops the island's `ssr` mark), so a
 * submit goes through the island rather than the plain form it replaces.
 */
async function uploadIslandReady(page: Page) {
  const island = page.locator('astro-island', { has: page.locator('input[type=file]') });
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr');
}

/** Upload, refusal and delete of a photo in one language, checked on the page and the card. */
async function photosFlow(
  page: Page,
  catalog: Catalog,
  name: string,
  digits: (n: number) => string,
) {
  const { photos, errors, picture, types } = catalog.garage;
  const gallery = page.getByRole('list', { name: photos.listLabel });
  const fileField = page.getByLabel(photos.files);
  const upload = page.getByRole('button', { name: photos.submit });
  const photoOf = (number: number) =>
    photos.alt.replace('{number}', digits(number)).replace('{name}', name);
  const drawing = picture.drawing.replace('{type}', types.motorcycle);
  const card = vehicleCards(page, catalog);

  await test.step('a vehicle without photos shows a drawing of its type', async () => {
    await expect(page.getByText(photos.none)).toBeVisible();
    await expect(page.getByRole('img', { name: drawing })).toBeVisible();
  });

  await test.step('an uploaded PNG is shown in the gallery and as the picture', async () => {
    await fileField.setInputFiles({
      name: 'rato-pulsar.png',
      mimeType: 'image/png',
      buffer: pngImage(4, 3),
    });
    await upload.click();

    await expect(page.getByRole('status')).toHaveText(photos.added);
    // Loaded through the portal's media route from the CMS's bucket, by a signed URL.
    const shown = gallery.getByRole('img', { name: photoOf(1) });
    await expect(shown).toHaveJSProperty('naturalWidth', 4);
    await expect(shown).toHaveAttribute('src', /^\/media\/bucket\/.+X-Amz-Signature=[0-9a-f]{64}/);
    await expect(page.getByRole('img', { name: drawing })).toHaveCount(0);
  });

  await test.step('the garage card shows the photo', async () => {
    await openGarage(page, catalog);
    const photo = card.getByRole('img', { name: picture.photo.replace('{name}', name) });
    await expect(photo).toHaveJSProperty('naturalWidth', 4);
    await card.getByRole('link', { name }).click();
  });

  await test.step('a text file named .jpg is refused in the page’s language', async () => {
    await fileField.setInputFiles({
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('Chain oiled at 12,500 km'),
    });
    await upload.click();

    const summary = page.getByRole('alert');
    await expect(summary).toContainText(errors.photoType);
    await expect(summary).toBeFocused();
    await expect(fileField).toHaveAccessibleDescription(new RegExp(escapeRegExp(errors.photoType)));
    await expect(page).toHaveTitle(new RegExp(`^${catalog.forms.errorPrefix}`));
    await expect(gallery.getByRole('img')).toHaveCount(1);
  });

  await test.step('six photos at once are refused before they are sent', async () => {
    const six = Array.from({ length: 6 }, (_, index) => ({
      name: `photo-${index}.png`,
      mimeType: 'image/png',
      buffer: pngImage(2, 2),
    }));
    await fileField.setInputFiles(six);
    await upload.click();

    await expect(page.getByRole('alert')).toContainText(
      errors.photosTooMany.replace('{max}', digits(5)),
    );
    await expect(gallery.getByRole('img')).toHaveCount(1);
  });

  await test.step('deleting the photo brings the drawing back', async () => {
    await gallery
      .getByRole('button', {
        name: photos.deleteNamed.replace('{number}', digits(1)).replace('{name}', name),
      })
      .click();

    await expect(page.getByRole('status')).toHaveText(photos.deleted);
    await expect(page.getByText(photos.none)).toBeVisible();
    await expect(page.getByRole('img', { name: drawing })).toBeVisible();
    await openGarage(page, catalog);
    await expect(card.getByRole('img', { name: drawing })).toBeVisible();
  });
}

test('an owner uploads and deletes a photo in English, and watches a slow upload', async ({
  page,
  request,
}) => {
  const { photos } = en.garage;
  await openNewPulsar(page, request, en, 'en', 'Rato Pulsar');
  await uploadIslandReady(page);

  await photosFlow(page, en, 'Rato Pulsar', String);

  await test.step('a slow upload shows how much of it is sent', async () => {
    await page.getByRole('link', { name: 'Rato Pulsar' }).click();
    await uploadIslandReady(page);
    const network = await page.context().newCDPSession(page);
    // About 350 KB at 256 KB/s: the upload takes over a second.
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.getByLabel(photos.files).setInputFiles({
      name: 'noise.png',
      mimeType: 'image/png',
      buffer: pngImage(400, 300, { noise: true }),
    });
    await page.getByRole('button', { name: photos.submit }).click();

    await expect(page.getByRole('progressbar', { name: photos.progress })).toBeVisible();
    await expect(page.getByText(/^Uploading photos: \d+%$/)).toBeVisible();
    await expect(page.getByRole('button', { name: photos.submit })).toBeDisabled();
    await expect(page.getByRole('status')).toHaveText(photos.added);
    await expect(page.getByRole('list', { name: photos.listLabel }).getByRole('img')).toHaveCount(
      1,
    );
  });
});

test.describe('photos without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an owner uploads and deletes a photo of a vehicle in Nepali', async ({ page, request }) => {
    await openNewPulsar(page, request, ne, 'ne', 'रातो पल्सर');

    await photosFlow(page, ne, 'रातो पल्सर', inDevanagari);
  });

  test('an upload without its token, or too large for the page, stores nothing', async ({
    page,
    request,
  }) => {
    const { photos, errors } = en.garage;
    await openNewPulsar(page, request, en, 'en', 'Guarded Pulsar');
    const vehiclePage = page.url();
    const fileField = page.getByLabel(photos.files);

    await test.step('a form without its security token is refused', async () => {
      // What a forged post from another site would lack: the page's CSRF token.
      const form = page.locator('form', { has: fileField });
      await form.locator('input[name="_csrf"]').evaluate((input) => input.remove());
      await fileField.setInputFiles({
        name: 'pulsar.png',
        mimeType: 'image/png',
        buffer: pngImage(4, 3),
      });
      await page.getByRole('button', { name: photos.submit }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.csrf.title);
      await page.goto(vehiclePage);
      await expect(page.getByText(photos.none)).toBeVisible();
    });

    await test.step('photos too large together come back with the limits explained', async () => {
      // Six photos of 7 MB: each within the CMS's limit, together over the page's.
      const sevenMegabytes = Buffer.alloc(7 * 1024 * 1024, pngImage(1, 1));
      const six = Array.from({ length: 6 }, (_, index) => ({
        name: `large-${index}.png`,
        mimeType: 'image/png',
        buffer: sevenMegabytes,
      }));
      await fileField.setInputFiles(six);
      await page.getByRole('button', { name: photos.submit }).click();

      const explained = errors.photosTooLarge.replace('{count}', '5').replace('{max}', '8');
      await expect(page.getByRole('alert')).toContainText(explained);
      await expect(page.getByText(photos.none)).toBeVisible();
    });
  });
});

test("a form posted to a vehicle that is missing or another owner's is answered with the 404 page", async ({
  page,
  request,
}) => {
  await openNewPulsar(page, request, ne, 'ne', 'हराएको पल्सर');
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const stranger = await registerOwner(request, 'stranger', 'en', password);
  const theirs = await addThroughCms(request, stranger.token, {
    ...(await catalogIds(request, 'bajaj', 'pulsar-150')),
    year: 2020,
    nickname: 'Not yours',
  });

  for (const path of [
    '/ne/garage/no-such-vehicle',
    '/ne/garage/no-such-vehicle/edit',
    '/ne/garage/no-such-vehicle/delete',
    `/ne/garage/${theirs}`,
  ]) {
    // The browser's own cookies (session and CSRF) go with page.request.
    const response = await page.request.post(path, {
      form: { _csrf: csrf, intent: 'add-note', body: 'x' },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain(ne.notFound.title);
  }
});
