import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { adminApiHeaders, cms, signInToAdmin } from './admin';
import { catalogIds } from './catalog';
import { submitSignIn } from './owners';

/*
 * Issue 11: an Editor (not a Super Admin) signs into the real admin panel in Chromium, creates
 * and publishes a recall in the Content Manager, picking its make and model the way a person
 * does, and the owner whose vehicle it matches sees it on the portal and is told once (one
 * delivery row); an owner whose vehicle is outside the year range sees nothing and is not told.
 */

const RECALL_UID = 'api::news.recall';
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const EDITOR = {
  email: `editor-${stamp}@motorghar.test`,
  password: 'Gosaikunda-Editor-4380',
  firstname: 'Sabina',
  lastname: 'Gurung',
};
const OWNER_PASSWORD = 'Begnas-Lake-Recall-2056';
const RECALL = {
  campaignId: `E2E-PULSAR-${stamp}`.toUpperCase(),
  title: `Pulsar 150 chain guard recall ${stamp}`,
  summary: 'The chain guard bracket may crack and let the guard touch the rear tyre.',
  remedy: 'Visit an authorised Bajaj workshop; the bracket is replaced free of charge.',
  yearFrom: 2018,
  yearTo: 2020,
};

let superAdmin: Record<string, string> | undefined;

/** The Super Admin's token, signed in once: admin sign-ins are rate limited. */
async function superAdminHeaders(request: APIRequestContext) {
  superAdmin ??= await adminApiHeaders(request);
  return superAdmin;
}

/** An Editor admin, invited by the Super Admin and registered as an invited person does. */
async function createEditor(request: APIRequestContext) {
  const headers = await superAdminHeaders(request);
  const roles = (await (await request.get(cms('/admin/roles'), { headers })).json()) as {
    data: Array<{ id: number; code: string }>;
  };
  const editorRole = roles.data.find((role) => role.code === 'strapi-editor');
  expect(editorRole, 'the Editor role exists').toBeTruthy();
  const invited = await request.post(cms('/admin/users'), {
    headers,
    data: {
      firstname: EDITOR.firstname,
      lastname: EDITOR.lastname,
      email: EDITOR.email,
      roles: [editorRole!.id],
    },
  });
  expect(invited.ok(), await invited.text()).toBe(true);
  const { registrationToken } = ((await invited.json()) as { data: { registrationToken: string } })
    .data;
  const registered = await request.post(cms('/admin/register'), {
    data: {
      registrationToken,
      userInfo: {
        firstname: EDITOR.firstname,
        lastname: EDITOR.lastname,
        password: EDITOR.password,
      },
    },
  });
  expect(registered.ok(), await registered.text()).toBe(true);
}

interface Owner {
  id: number;
  email: string;
  vehicleId: string;
  plate: string;
}

/** An owner (email notices on, SMS off: the defaults) with one Bajaj Pulsar 150 of `year`. */
async function ownerWithPulsar(request: APIRequestContext, name: string, year: number) {
  const email = `recall-${name}-${stamp}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password: OWNER_PASSWORD, preferredLocale: 'en' },
  });
  expect(registered.ok(), await registered.text()).toBe(true);
  const body = (await registered.json()) as { jwt: string; user: { id: number } };
  const { makeId, modelId } = await catalogIds(request, 'bajaj', 'pulsar-150');
  const plate = `BA ${10 + Math.floor(Math.random() * 89)} PA ${1000 + Math.floor(Math.random() * 8999)}`;
  const added = await request.post(cms('/api/vehicles'), {
    headers: { Authorization: `Bearer ${body.jwt}` },
    data: {
      data: { makeId, modelId, year, nickname: `Pulsar ${year}`, registrationNumber: plate },
    },
  });
  expect(added.status(), await added.text()).toBe(201);
  const vehicleId = ((await added.json()) as { data: { id: string } }).data.id;
  return { id: body.user.id, email, vehicleId, plate } satisfies Owner;
}

async function portalSignIn(page: Page, email: string) {
  await page.goto('/en/garage');
  await submitSignIn(page, en, email, OWNER_PASSWORD);
  await expect(page).toHaveURL(/\/en\/garage$/);
}

/** The recall notices written for `ownerId`, read through the admin's deliveries API. */
async function recallDeliveries(request: APIRequestContext, ownerId: number) {
  const headers = await superAdminHeaders(request);
  const list = await request.get(cms('/reminders/deliveries?pageSize=100'), { headers });
  expect(list.ok(), await list.text()).toBe(true);
  const { results } = (await list.json()) as {
    results: Array<{ ownerId: number; noticeKey: string; channel: string }>;
  };
  return results.filter(
    (delivery) => delivery.ownerId === ownerId && delivery.noticeKey.startsWith('recall:'),
  );
}

test('an Editor publishes a recall in the admin panel and the matching owner sees it on the portal', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(180_000);
  await createEditor(request);
  const matching = await ownerWithPulsar(request, 'match', 2019);
  const outside = await ownerWithPulsar(request, 'outside', 2023);

  // The matching owner opens the garage before the recall exists: no recalls panel yet, and
  // the portal keeps the page it rendered.
  await portalSignIn(page, matching.email);
  await expect(page.getByRole('region', { name: en.recalls.title })).toHaveCount(0);
  expect((await page.reload())?.headers()['server-timing']).toContain('kept');

  // The Editor, in Chromium, in a context of their own.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  try {
    await signInToAdmin(admin, { user: EDITOR });
    // The first sign-in loads the whole panel: slow on a busy machine.
    await expect(admin.getByRole('link', { name: 'Content Manager' })).toBeVisible({
      timeout: 30_000,
    });

    await admin.goto(
      cms(`/admin/content-manager/collection-types/${RECALL_UID}/create?plugins[i18n][locale]=en`),
    );
    await admin.getByRole('textbox', { name: /^campaignId/ }).fill(RECALL.campaignId);
    await admin.getByRole('textbox', { name: /^title/ }).fill(RECALL.title);
    await admin.getByRole('textbox', { name: /^summary/ }).fill(RECALL.summary);
    await admin.getByRole('textbox', { name: /^remedy/ }).fill(RECALL.remedy);
    await admin.getByLabel(/^yearFrom/).fill(String(RECALL.yearFrom));
    await admin.getByLabel(/^yearTo/).fill(String(RECALL.yearTo));
    await admin.getByRole('combobox', { name: /^severity/ }).click();
    await admin.getByRole('option', { name: 'high', exact: true }).click();

    // The relation pickers, as a person uses them: open, type, choose.
    const make = admin.getByRole('combobox', { name: /^make/ });
    await make.click();
    await make.fill('Baj');
    await admin.getByRole('option', { name: /Bajaj/ }).click();
    const model = admin.getByRole('combobox', { name: /^model/ });
    await model.click();
    await model.fill('Pulsar');
    await admin.getByRole('option', { name: /Pulsar 150/ }).click();

    await admin.getByRole('button', { name: 'Publish' }).click();
    // Publishing saves, checks and publishes in one request: slow on a busy machine.
    await expect(admin.getByText('Published document').first()).toBeVisible({
      timeout: 20_000,
    });
  } finally {
    await adminContext.close();
  }

  // Publishing told the matching owner once (one email: SMS is off by default), and nobody
  // else; the notices are written after the publish commits, so the test waits for them.
  await expect
    .poll(async () => (await recallDeliveries(request, matching.id)).length, { timeout: 20_000 })
    .toBe(1);
  const [delivery] = await recallDeliveries(request, matching.id);
  expect(delivery.channel).toBe('email');
  expect(delivery.noticeKey).toContain(matching.vehicleId);
  expect(await recallDeliveries(request, outside.id)).toEqual([]);

  // The matching owner sees it on the garage (not the page kept before) and on the vehicle's.
  await page.goto('/en/garage');
  const panel = page.getByRole('region', { name: en.recalls.title });
  const onGarage = panel.getByRole('article').filter({ hasText: RECALL.title });
  await expect(onGarage).toContainText(en.recalls.severity.high);
  await expect(onGarage).toContainText(RECALL.remedy);
  await onGarage.getByRole('link', { name: new RegExp(matching.plate) }).click();
  await expect(page).toHaveURL(new RegExp(`/en/garage/${matching.vehicleId}$`));
  const onVehicle = page
    .getByRole('region', { name: en.recalls.title })
    .getByRole('article')
    .filter({ hasText: RECALL.title });
  await expect(onVehicle).toContainText(en.recalls.severity.high);

  // The garage in Nepali has the recalls panel, under its Nepali heading.
  await page.goto('/ne/garage');
  await expect(page.getByRole('region', { name: ne.recalls.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: ne.recalls.title })).toBeVisible();

  // The owner whose Pulsar is from 2023, outside 2018–2020, sees no such recall.
  await page.context().clearCookies();
  await portalSignIn(page, outside.email);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(RECALL.title)).toHaveCount(0);
  await page.goto(`/en/garage/${outside.vehicleId}`);
  await expect(page.getByText(outside.plate).first()).toBeVisible();
  await expect(page.getByText(RECALL.title)).toHaveCount(0);
});
