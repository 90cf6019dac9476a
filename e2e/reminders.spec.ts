import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { CMS_PORT } from './servers/ports.mjs';

type Catalog = typeof en;

const password = 'Rara-Lake-Mugu-Reminders-7';
const cms = (path: string) => `http://127.0.0.1:${CMS_PORT}${path}`;
let plateSerial = Math.floor(Math.random() * 99_000);

/** `YYYY-MM-DD` in Nepal, `days` from today. */
function nepalDay(days: number): string {
  const at = new Date(Date.now() + 345 * 60_000);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

async function registerOwner(request: APIRequestContext, locale: 'en' | 'ne') {
  const email = `reminders-${locale}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password, preferredLocale: locale },
  });
  expect(registered.ok()).toBe(true);
  return { email, token: ((await registered.json()) as { jwt: string }).jwt };
}

async function addChetak(request: APIRequestContext, token: string, nickname: string) {
  const makes = (await (await request.get(cms('/api/catalog/makes'))).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const make = makes.data.find((candidate) => candidate.slug === 'bajaj')!;
  const models = (await (
    await request.get(cms(`/api/catalog/makes/${make.id}/models`))
  ).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const model = models.data.find((candidate) => candidate.slug === 'chetak')!;
  plateSerial += 1;
  const added = await request.post(cms('/api/vehicles'), {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      data: {
        makeId: make.id,
        modelId: model.id,
        year: 2022,
        nickname,
        registrationNumber: `SE ${1 + (plateSerial % 99)} PA ${1000 + (plateSerial % 9000)}`,
      },
    },
  });
  expect(added.status()).toBe(201);
  return ((await added.json()) as { data: { id: string } }).data.id;
}

async function logIn(page: Page, catalog: Catalog, locale: 'en' | 'ne', email: string) {
  await page.goto(`/${locale}/garage`);
  await page.getByLabel(catalog.fields.email).fill(email);
  await page.getByLabel(catalog.fields.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: catalog.login.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/garage$`));
}

/** The page's confirmation (a date field's preview is a status too). */
const confirmed = (page: Page, text: string) =>
  expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

async function addReminder(
  page: Page,
  catalog: Catalog,
  reminder: { kind: string; dueDate: string; everyMonths?: string },
) {
  await page.getByLabel(catalog.reminders.new.kind).selectOption(reminder.kind);
  await page.getByLabel(catalog.reminders.new.dueDate).fill(reminder.dueDate);
  if (reminder.everyMonths) {
    await page.getByLabel(catalog.reminders.new.everyMonths).fill(reminder.everyMonths);
  }
  await page.getByRole('button', { name: catalog.reminders.new.submit, exact: true }).click();
  await confirmed(page, catalog.reminders.create.done);
}

for (const [locale, catalog] of [
  ['en', en],
  ['ne', ne],
] as const) {
  test(`reminders (${locale}): add, see the badge, snooze one away, complete one to its next occurrence`, async ({
    page,
    request,
  }) => {
    const { email, token } = await registerOwner(request, locale);
    const vehicleId = await addChetak(request, token, `Chetak ${locale}`);
    await logIn(page, catalog, locale, email);

    // From the vehicle page's section to the form, without JavaScript needed.
    await page.goto(`/${locale}/garage/${vehicleId}`);
    await expect(page.getByRole('heading', { name: catalog.reminders.title })).toBeVisible();
    await page.getByRole('link', { name: catalog.reminders.addLink }).click();
    await addReminder(page, catalog, {
      kind: 'oil-change',
      dueDate: nepalDay(3),
      everyMonths: '4',
    });
    await addReminder(page, catalog, { kind: 'brakes', dueDate: nepalDay(20) });

    const oil = page.getByRole('article', { name: catalog.serviceRecords.kinds['oil-change'] });
    const brakes = page.getByRole('article', { name: catalog.serviceRecords.kinds.brakes });
    await expect(oil).toContainText(catalog.reminders.urgency.due);
    await expect(brakes).toContainText(catalog.reminders.urgency['due-soon']);

    // The garage card shows the most urgent one, with its badge.
    await page.goto(`/${locale}/garage`);
    const card = page.getByRole('article', { name: `Chetak ${locale}` });
    await expect(card).toContainText(catalog.reminders.nextLabel);
    await expect(card).toContainText(catalog.serviceRecords.kinds['oil-change']);
    await expect(card).toContainText(catalog.reminders.urgency.due);

    // Snoozed, the brakes leave the active list.
    await page.goto(`/${locale}/garage/${vehicleId}`);
    await brakes.locator('summary', { hasText: catalog.reminders.snooze.submit }).click();
    await brakes.getByLabel(catalog.reminders.snooze.label).fill(nepalDay(10));
    await brakes.getByRole('button', { name: catalog.reminders.snooze.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/garage/${vehicleId}\\?done=snooze$`));
    await confirmed(page, catalog.reminders.snooze.done);
    await expect(brakes).toHaveCount(0);

    // Completed, the oil change comes back as its next occurrence, four months on.
    await oil.locator('summary', { hasText: catalog.reminders.complete.submit }).click();
    await oil.getByRole('button', { name: catalog.reminders.complete.submit }).click();
    await confirmed(page, catalog.reminders.complete.done);
    await expect(oil).toContainText(catalog.reminders.urgency.upcoming);
    await expect(oil.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    expect(await oil.locator('time').getAttribute('datetime')).not.toBe(nepalDay(3));
  });
}
