import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import NepaliDate from 'nepali-date-converter';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { cms } from './admin';
import { catalogIds } from './catalog';
import { registerOwner, submitSignIn } from './owners';

type Catalog = typeof en;
type Locale = 'en' | 'ne';

const catalogs = { en, ne } as const;
const password = 'Phewa-Lake-Boat-2081';
const devanagari = (text: string) => text.replace(/\d/g, (digit) => '०१२३४५६७८९'[Number(digit)]!);

/** A new owner in `locale` with a Bajaj Pulsar, made through the CMS; answers the email and vehicle id. */
async function ownerWithPulsar(request: APIRequestContext, locale: Locale) {
  const { email, token: jwt } = await registerOwner(
    request,
    `services-${locale}`,
    locale,
    password,
  );
  const { makeId, modelId } = await catalogIds(request, 'bajaj', 'pulsar-150');
  const plate = `BA ${1 + Math.floor(Math.random() * 98)} PA ${1000 + Math.floor(Math.random() * 8999)}`;
  const added = await request.post(cms('/api/vehicles'), {
    headers: { Authorization: `Bearer ${jwt}` },
    data: {
      data: {
        makeId,
        modelId,
        year: 2020,
        registrationNumber: plate,
        nickname: 'Rato Pulsar',
        odometerKm: 12_000,
      },
    },
  });
  expect(added.status()).toBe(201);
  return {
    email,
    jwt,
    vehicleId: ((await added.json()) as { data: { id: string } }).data.id,
  };
}

async function logIn(page: Page, catalog: Catalog, locale: Locale, email: string, next: string) {
  await page.goto(next);
  await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?next=`));
  await submitSignIn(page, catalog, email, password);
  await expect(page).toHaveURL(next);
}

const history = (page: Page, catalog: Catalog) =>
  page.getByRole('region', { name: catalog.serviceRecords.section.historyTitle });

/** A service's entry in the history (the innermost list item: months are list items too). */
const timelineEntry = (page: Page, catalog: Catalog, title: string) =>
  history(page, catalog).getByRole('listitem').filter({ hasText: title }).last();

/** Schedules brakes on `date` (as typed) from the vehicle page; ends on the record page. */
async function scheduleBrakes(page: Page, catalog: Catalog, date: string) {
  const { form, section } = catalog.serviceRecords;
  await page.getByRole('link', { name: section.schedule }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(form.newTitle);
  await page.getByLabel(form.date, { exact: true }).fill(date);
  await page.getByLabel(form.time).fill('14:30');
  await page.getByLabel(form.kind).selectOption({ label: catalog.serviceRecords.kinds.brakes });
  await page.getByLabel(form.centerName).fill('Sipradi, Thapathali');
  await page.getByRole('button', { name: form.submit }).click();
  await expect(page.getByRole('status')).toHaveText(catalog.serviceRecords.done.scheduled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    catalog.serviceRecords.kinds.brakes,
  );
}

/** Completes the service on the record page with a bill of two lines (Rs 1,500 + Rs 500). */
async function completeWithBill(
  page: Page,
  catalog: Catalog,
  locale: Locale,
  addRowWithJs: boolean,
) {
  const { complete, record } = catalog.serviceRecords;
  await page.getByRole('link', { name: record.complete }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(complete.title);
  await page.getByLabel(complete.odometerKm).fill('12500');
  const line = (number: number) =>
    page.getByRole('group', {
      name: complete.line.replace(
        '{number}',
        locale === 'ne' ? devanagari(String(number)) : String(number),
      ),
    });
  if (addRowWithJs) {
    await page.getByRole('button', { name: complete.addLine }).click();
    await expect(line(4)).toBeVisible();
    await line(4).getByLabel(complete.category).selectOption({ label: complete.categories.labour });
    await line(4).getByLabel(complete.label, { exact: true }).fill('Fitting');
    await line(4).getByLabel(complete.amount).fill('500');
  } else {
    await expect(page.getByRole('button', { name: complete.addLine })).toBeHidden();
    await line(2).getByLabel(complete.category).selectOption({ label: complete.categories.labour });
    await line(2).getByLabel(complete.label, { exact: true }).fill('Fitting');
    await line(2).getByLabel(complete.amount).fill('५००');
  }
  await line(1).getByLabel(complete.label, { exact: true }).fill('Brake pads');
  await line(1).getByLabel(complete.amount).fill('1,500');
  await page.getByRole('button', { name: complete.submit }).click();
  await expect(page.getByRole('status')).toHaveText(catalog.serviceRecords.done.completed);
}

test.describe('services in English, with JavaScript', () => {
  test('schedule a service and complete it: the timeline and the spending follow', async ({
    page,
    request,
  }) => {
    const catalog = catalogs.en;
    const { email, vehicleId } = await ownerWithPulsar(request, 'en');
    const vehiclePath = `/en/garage/${vehicleId}`;
    await logIn(page, catalog, 'en', email, vehiclePath);
    await expect(history(page, catalog)).toContainText(catalog.serviceRecords.section.none);

    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await scheduleBrakes(page, catalog, inAWeek);
    await page.getByRole('link', { name: /^Back to / }).click();
    await expect(timelineEntry(page, catalog, 'Brakes')).toContainText(
      catalog.serviceRecords.status.scheduled,
    );

    await history(page, catalog).getByRole('link', { name: 'Brakes' }).click();
    await completeWithBill(page, catalog, 'en', true);
    await expect(page.getByText('Rs 2,000')).toBeVisible();

    // A receipt found later: the bill and notes of a completed service can still be corrected.
    await page.getByRole('link', { name: catalog.serviceRecords.record.correct }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      catalog.serviceRecords.form.billTitle,
    );
    await page.getByLabel(catalog.serviceRecords.form.notes).fill('Receipt in the glovebox');
    await page.getByRole('button', { name: catalog.serviceRecords.form.save }).click();
    await expect(page.getByRole('status')).toHaveText(catalog.serviceRecords.done.updated);
    await expect(page.getByText('Receipt in the glovebox')).toBeVisible();
    await expect(page.getByText('Rs 2,000')).toBeVisible();

    await page.getByRole('link', { name: /^Back to / }).click();
    const entry = timelineEntry(page, catalog, 'Brakes');
    await expect(entry).toContainText(catalog.serviceRecords.status.completed);
    await expect(entry).toContainText('Rs 2,000');
    const spending = page.getByRole('region', {
      name: catalog.serviceRecords.section.spendingTitle,
    });
    await expect(spending).toContainText('Rs 2,000 spent over the last 12 months');
  });

  test('cancel asks first, then marks the service cancelled', async ({ page, request }) => {
    const catalog = catalogs.en;
    const { email, vehicleId } = await ownerWithPulsar(request, 'en');
    await logIn(page, catalog, 'en', email, `/en/garage/${vehicleId}`);
    await scheduleBrakes(page, catalog, '2027-01-15');
    await page.getByRole('link', { name: catalog.serviceRecords.record.cancel }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      catalog.serviceRecords.cancel.title,
    );
    await page.getByRole('button', { name: catalog.serviceRecords.cancel.confirm }).click();
    await expect(page.getByRole('status')).toHaveText(catalog.serviceRecords.done.cancelled);
    await expect(
      page.getByText(catalog.serviceRecords.status.cancelled, { exact: true }),
    ).toBeVisible();
  });
});

test.describe('services in Nepali, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a BS date schedules the service on its BS day in the calendar; completing shows the cost', async ({
    page,
    request,
  }) => {
    const catalog = catalogs.ne;
    const { email, vehicleId } = await ownerWithPulsar(request, 'ne');
    const vehiclePath = `/ne/garage/${vehicleId}`;
    await logIn(page, catalog, 'ne', email, vehiclePath);

    // Next BS month, day 20: typed in BS with Devanagari digits.
    const today = new NepaliDate(new Date()).getBS();
    const year = today.month === 11 ? today.year + 1 : today.year;
    const month = today.month === 11 ? 1 : today.month + 2;
    const bsText = `${year}-${String(month).padStart(2, '0')}-20`;
    const ad = new NepaliDate(year, month - 1, 20).getAD();
    await scheduleBrakes(page, catalog, devanagari(bsText));
    await expect(page.getByText(devanagari(`${year}`)).first()).toBeVisible();

    await page.goto(
      `/ne/garage/${vehicleId}/services/calendar?month=${year}-${String(month).padStart(2, '0')}`,
    );
    const brakes = page.getByRole('link', {
      name: new RegExp(catalog.serviceRecords.kinds.brakes),
    });
    const cell = page.getByRole('cell').filter({ has: brakes });
    await expect(cell).toHaveCount(1);
    // The BS day's number, with the AD day beside it.
    await expect(cell).toContainText(devanagari('20'));
    await expect(cell).toContainText(devanagari(String(ad.date)));

    await cell.getByRole('link').click();
    await completeWithBill(page, catalog, 'ne', false);
    await expect(page.getByText('रु. २,०००')).toBeVisible();
    await page.goto(vehiclePath);
    const entry = timelineEntry(page, catalog, catalog.serviceRecords.kinds.brakes);
    await expect(entry).toContainText(catalog.serviceRecords.status.completed);
    await expect(
      page.getByRole('region', { name: catalog.serviceRecords.section.spendingTitle }),
    ).toContainText('रु. २,०००');
  });
});

/** `YYYY-MM-DD` in Nepal, `days` from today. */
function nepalDay(days: number): string {
  const at = new Date(Date.now() + 345 * 60_000);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** `day` plus `months` calendar months (every day used here is the 28th or earlier). */
function plusMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(year, month - 1 + months, date));
  return at.toISOString().slice(0, 10);
}

for (const locale of ['en', 'ne'] as const) {
  test(`completing an oil change (${locale}) moves the open oil-change reminder to its next point`, async ({
    page,
    request,
  }) => {
    const catalog = catalogs[locale];
    const { email, vehicleId, jwt } = await ownerWithPulsar(request, locale);
    const oilChange = catalog.serviceRecords.kinds['oil-change'];
    // Due in five days or at 12,300 km, every 4 months or 3,000 km from the service.
    const reminder = await request.post(cms('/api/reminders'), {
      headers: { Authorization: `Bearer ${jwt}` },
      data: {
        data: {
          vehicleId,
          kind: 'oil-change',
          dueDate: nepalDay(5),
          dueKm: 12_300,
          everyMonths: 4,
          everyKm: 3000,
        },
      },
    });
    expect(reminder.status()).toBe(201);

    // Done two days ago (on the 28th at the latest, so "4 months on" has no month-end clamp).
    const done = nepalDay(-2);
    const doneOn = Number(done.slice(8)) > 28 ? `${done.slice(0, 8)}28` : done;
    const next = plusMonths(doneOn, 4);

    const vehiclePath = `/${locale}/garage/${vehicleId}`;
    await logIn(page, catalog, locale, email, vehiclePath);
    const { form, section, complete, record } = catalog.serviceRecords;
    await page.getByRole('link', { name: section.schedule }).click();
    await page.getByLabel(form.date, { exact: true }).fill(doneOn);
    await page.getByLabel(form.kind).selectOption({ label: oilChange });
    await page.getByRole('button', { name: form.submit }).click();
    await expect(page.getByRole('status')).toHaveText(catalog.serviceRecords.done.scheduled);

    await page.getByRole('link', { name: record.complete }).click();
    await page.getByLabel(complete.date, { exact: true }).fill(doneOn);
    await page.getByLabel(complete.odometerKm).fill('12450');
    await page.getByRole('button', { name: complete.submit }).click();
    await expect(page.getByRole('status')).toHaveText(catalog.serviceRecords.done.completed);

    // The reminders page: the same reminder, its last occurrence done on the service's day
    // and odometer, the next due four months and 3,000 km after it.
    const km = (value: string) =>
      catalog.garage.km.replace('{km}', locale === 'ne' ? devanagari(value) : value);
    await page.goto(`/${locale}/reminders`);
    const oil = page.getByRole('article', { name: new RegExp(oilChange) });
    await expect(oil).toHaveCount(1);
    await expect(oil.locator('.due time')).toHaveAttribute('datetime', next);
    await expect(oil).toContainText(catalog.reminders.dueAtKm.replace('{km}', km('15,450')));
    await expect(oil).toContainText(catalog.reminders.urgency.upcoming);
    await expect(oil.locator('.last-done time')).toHaveAttribute('datetime', doneOn);
    await expect(oil.locator('.last-done')).toContainText(km('12,450'));

    // The garage card's next reminder is the moved one.
    await page.goto(`/${locale}/garage`);
    const card = page.getByRole('article', { name: 'Rato Pulsar' });
    await expect(card).toContainText(catalog.reminders.nextLabel);
    await expect(card).toContainText(oilChange);
    await expect(card.locator('.next-reminder time')).toHaveAttribute('datetime', next);
    await expect(card).toContainText(catalog.reminders.urgency.upcoming);
  });
}
