import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { cms, expectNoSeriousAxeViolations, signInToAdmin } from './admin';
import { E2E_ADMIN } from './servers/admin-panel.mjs';
import { SMS_PORT } from './servers/ports.mjs';

const password = 'Tilicho-Lake-Deliveries-4919';

/** `YYYY-MM-DD` in Nepal, `days` from today. */
function nepalDay(days: number): string {
  const at = new Date(Date.now() + 345 * 60_000);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * An owner who wants reminders by SMS only, at any hour, with a reminder due tomorrow: the
 * next tick writes its SMS, which fails (nothing listens on the gateway's port yet).
 */
async function ownerWithDueSms(request: APIRequestContext, phone: string) {
  const email = `deliveries-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password, preferredLocale: 'ne' },
  });
  expect(registered.ok()).toBe(true);
  const headers = { Authorization: `Bearer ${((await registered.json()) as { jwt: string }).jwt}` };
  const profile = await request.put(cms('/api/profile'), {
    headers,
    data: { data: { phone, notificationChannels: { email: false, sms: true }, quietHours: null } },
  });
  expect(profile.ok()).toBe(true);
  const makes = (await (await request.get(cms('/api/catalog/makes'))).json()) as {
    data: Array<{ id: string; slug: string }>;
  };
  const bajaj = makes.data.find((make) => make.slug === 'bajaj')!;
  const models = (await (
    await request.get(cms(`/api/catalog/makes/${bajaj.id}/models`))
  ).json()) as { data: Array<{ id: string; slug: string }> };
  const pulsar = models.data.find((model) => model.slug === 'pulsar-150')!;
  const vehicle = await request.post(cms('/api/vehicles'), {
    headers,
    data: {
      data: {
        makeId: bajaj.id,
        modelId: pulsar.id,
        year: 2021,
        registrationNumber: `GA ${1 + Math.floor(Math.random() * 98)} PA ${1000 + Math.floor(Math.random() * 8999)}`,
      },
    },
  });
  expect(vehicle.status()).toBe(201);
  const vehicleId = ((await vehicle.json()) as { data: { id: string } }).data.id;
  const reminder = await request.post(cms('/api/reminders'), {
    headers,
    data: { data: { vehicleId, kind: 'oil-change', dueDate: nepalDay(1) } },
  });
  expect(reminder.status()).toBe(201);
}

/** A loopback SMS gateway on the CMS's SMS port, recording what it is sent. */
async function openGateway(): Promise<{ server: Server; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(new URLSearchParams(body).get('to') ?? '');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message_id: `e2e-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(SMS_PORT, '127.0.0.1', resolve));
  return { server, received };
}

async function pick(page: Page, filter: 'Status' | 'Channel', option: string) {
  await page.getByRole('combobox', { name: filter }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an admin filters the reminder deliveries, retries a failed SMS, and the audit log has the retry', async ({
  page,
  request,
}) => {
  // Several full loads of the admin panel (sign-in, reloads, the audit log): slow on a
  // 2-core machine that also builds and tests elsewhere.
  test.setTimeout(300_000);
  const phone = `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await ownerWithDueSms(request, phone);

  await signInToAdmin(page);
  // Signed in once the menu shows; the deliveries page is opened by its URL (the menu's
  // link is an icon whose tooltip and guided tour make clicking it flaky).
  await expect(page.getByRole('link', { name: 'Audit log' })).toBeVisible({ timeout: 60_000 });
  await page.goto(cms('/admin/plugins/reminders'));
  await expect(page.getByRole('heading', { name: 'Reminder deliveries', level: 1 })).toBeVisible();

  // Filtered to failed SMS: the owner's SMS shows up once a tick (every 5 s) has tried it.
  await pick(page, 'Status', 'Failed');
  await pick(page, 'Channel', 'SMS');
  await expect(page).toHaveURL(/status=failed/);
  await expect(page).toHaveURL(/channel=sms/);
  const grid = page.getByRole('grid', { name: 'Reminder deliveries, newest first' });
  const row = grid.getByRole('row').filter({ hasText: phone });
  await expect(async () => {
    await page.reload();
    // A reload loads the whole panel again before the list shows: seconds under load.
    await expect(row).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 90_000 });
  await expect(row).toContainText('Failed');
  await expect(row).toContainText(/ECONNREFUSED|connect/);
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(rows.filter({ hasNotText: 'SMS' })).toHaveCount(0);
  await expect(rows.filter({ hasNotText: 'Failed' })).toHaveCount(0);

  await page.getByRole('heading', { name: 'Reminder deliveries', level: 1 }).hover();
  await expectNoSeriousAxeViolations(page);

  // The gateway is up now: the retried SMS goes out, once.
  const id = (await row.getByRole('gridcell').first().textContent())!.trim();
  const gateway = await openGateway();
  try {
    await row.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText(`Delivery ${id} is queued again`)).toBeVisible();
    // Back in the queue: it leaves the failed list...
    await expect(grid.getByRole('row').filter({ hasText: phone })).toHaveCount(0);
    // ...and is pending (or already on its way) with its attempts from zero, then sent.
    await pick(page, 'Status', 'Any');
    const again = grid.getByRole('row').filter({ hasText: phone });
    await expect(again).toContainText(/Pending|Sending|Sent/);
    await expect(async () => {
      await page.reload();
      await expect(again).toContainText('Sent', { timeout: 20_000 });
    }).toPass({ timeout: 90_000 });
    expect(gateway.received).toEqual([phone]);
  } finally {
    await new Promise((resolve) => gateway.server.close(resolve));
  }

  // On record: who retried which delivery, from which status.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('textbox', { name: 'Content type' }).fill('plugin::reminders.delivery');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const entry = page
    .getByRole('grid', { name: 'Audit entries, newest first' })
    .getByRole('row')
    .filter({ hasText: 'reminder-delivery.retry' })
    .first();
  await expect(entry).toContainText(E2E_ADMIN.email);
  await entry.getByRole('link', { name: /View entry/ }).click();
  await expect(page.getByText('plugin::reminders.delivery')).toBeVisible();
  const diff = page.getByRole('grid', { name: /Changed fields/ });
  await expect(diff.getByRole('row', { name: /status/ })).toContainText('failed');
  await expect(diff.getByRole('row', { name: /status/ })).toContainText('pending');
});
