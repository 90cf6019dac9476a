import { expect, test, type Page } from '@playwright/test';
import en from '../storefront/src/i18n/en.json';
import ne from '../storefront/src/i18n/ne.json';
import { CMS_PORT } from './servers/ports.mjs';
import { submitSignIn } from './owners';

type Catalog = typeof en;

const password = 'Gorkha-Himal-Rhino-42';

function uniqueOwner(label: string) {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return { email: `${label}-${id}@example.com`, displayName: `Sita ${id.slice(-4)}` };
}

const logIn = (page: Page, catalog: Catalog, email: string, secret = password) =>
  submitSignIn(page, catalog, email, secret);

const accountNav = (page: Page, catalog: Catalog) =>
  page.getByRole('navigation', { name: catalog.account.navLabel });

test('an owner registers, switches to Nepali, and keeps Nepali across logins', async ({ page }) => {
  const owner = uniqueOwner('owner');

  await test.step('register in English and land on the profile', async () => {
    await page.goto('/en/register');
    await page.getByLabel(en.fields.displayName).fill(owner.displayName);
    await page.getByLabel(en.fields.email).fill(owner.email);
    await page.getByLabel(en.fields.password).fill(password);
    await page.getByRole('button', { name: en.register.submit }).click();

    await expect(page).toHaveURL(/\/en\/profile$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.profile.title);
    await expect(accountNav(page, en)).toContainText(owner.displayName);
  });

  await test.step('log out, then log in again from the header', async () => {
    await page.getByRole('button', { name: en.account.logout }).click();
    await expect(page).toHaveURL(/\/en\/$/);
    await expect(accountNav(page, en).getByRole('link', { name: en.account.login })).toBeVisible();

    await accountNav(page, en).getByRole('link', { name: en.account.login }).click();
    await logIn(page, en, owner.email);

    await expect(page).toHaveURL(/\/en\/$/);
    await expect(accountNav(page, en)).toContainText(owner.displayName);
  });

  await test.step('switch to Nepali; a reload stays Nepali', async () => {
    await page.getByRole('link', { name: ne.language.switchTo }).click();
    await expect(page).toHaveURL(/\/ne\/$/);

    await page.reload();

    await expect(page.locator('html')).toHaveAttribute('lang', 'ne');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ne.home.title);
  });

  await test.step('the profile speaks Nepali and has Nepali saved as the language', async () => {
    await accountNav(page, ne).getByRole('link', { name: ne.account.profile }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ne.profile.title);
    await expect(page.getByRole('radio', { name: ne.language.name })).toBeChecked();
    await expect(page.getByRole('group', { name: ne.profile.channelsLegend })).toBeVisible();
    // "Member since" shows the Bikram Sambat date beside the AD one.
    await expect(page.getByText(/वि\.सं\. [०-९]{4}/)).toBeVisible();
  });

  await test.step('a changed name is saved with a confirmation in Nepali', async () => {
    await page.getByLabel(ne.fields.displayName).fill('राम थापा');
    await page.getByRole('button', { name: ne.profile.submit }).click();

    await expect(page.getByRole('status')).toHaveText(ne.profile.saved);
    await expect(page.getByLabel(ne.fields.displayName)).toHaveValue('राम थापा');
    await expect(accountNav(page, ne)).toContainText('राम थापा');
  });

  await test.step('after logging out and in from an English page, the owner lands in Nepali', async () => {
    await page.getByRole('button', { name: ne.account.logout }).click();
    await expect(page).toHaveURL(/\/ne\/$/);

    await page.goto('/en/login');
    await logIn(page, en, owner.email);

    await expect(page).toHaveURL(/\/ne\/profile$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ne.profile.title);
  });

  await test.step('the site root opens in the remembered language', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/ne\/$/);
  });
});

test('a wrong password is explained in Nepali and keeps the email', async ({ page, request }) => {
  const owner = uniqueOwner('wrong-password');
  const registered = await request.post(`http://127.0.0.1:${CMS_PORT}/api/auth/local/register`, {
    data: { username: owner.email, email: owner.email, password, preferredLocale: 'ne' },
  });
  expect(registered.ok()).toBe(true);

  await page.goto('/ne/login');
  await logIn(page, ne, owner.email, 'not-the-password-123');

  const summary = page.getByRole('alert');
  await expect(summary).toContainText(ne.forms.errorSummaryTitle);
  await expect(summary).toContainText(ne.forms.errors.invalidCredentials);
  await expect(summary).toBeFocused();
  await expect(page.getByLabel(ne.fields.email)).toHaveValue(owner.email);
  await expect(page.getByLabel(ne.fields.email)).toHaveAccessibleDescription(
    new RegExp(ne.forms.errors.invalidCredentials),
  );
  await expect(page.getByLabel(ne.fields.password, { exact: true })).toHaveValue('');
  await expect(page).toHaveTitle(new RegExp(`^${ne.forms.errorPrefix}`));
});

test('a page that needs an owner sends a visitor to log in and back', async ({ page, request }) => {
  const owner = uniqueOwner('next');
  await request.post(`http://127.0.0.1:${CMS_PORT}/api/auth/local/register`, {
    data: { username: owner.email, email: owner.email, password, preferredLocale: 'en' },
  });

  await page.goto('/en/profile');
  await expect(page).toHaveURL(/\/en\/login\?next=%2Fen%2Fprofile$/);

  await logIn(page, en, owner.email);

  await expect(page).toHaveURL(/\/en\/profile$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.profile.title);
});

test('a form sent without its security token is refused with a page in Nepali', async ({
  page,
}) => {
  await page.goto('/ne/forgot-password');
  // What a forged post from another site would lack: the page's CSRF token.
  await page.locator('input[name="_csrf"]').evaluate((input) => input.remove());
  await page.getByLabel(ne.fields.email).fill('someone@example.com');
  await page.getByRole('button', { name: ne.forgotPassword.submit }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ne.csrf.title);
  await expect(page.getByRole('status')).toHaveCount(0);
});
