import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type en from '../storefront/src/i18n/en.json';
import { cms } from './admin';

type Catalog = typeof en;

/**
 * Registers a new owner through the CMS (as the portal's form would), preferring `locale`:
 * a new address each call (`label` says which spec made it). Answers the address and the
 * owner's token for the owner API.
 */
export async function registerOwner(
  request: APIRequestContext,
  label: string,
  locale: 'en' | 'ne',
  password: string,
): Promise<{ email: string; token: string }> {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `${label}-${id}@example.com`;
  const registered = await request.post(cms('/api/auth/local/register'), {
    data: { username: email, email, password, preferredLocale: locale },
  });
  expect(registered.ok()).toBe(true);
  return { email, token: ((await registered.json()) as { jwt: string }).jwt };
}

/** Fills the portal's sign-in form on the page shown and sends it, in `catalog`'s words. */
export async function submitSignIn(page: Page, catalog: Catalog, email: string, password: string) {
  await page.getByLabel(catalog.fields.email).fill(email);
  await page.getByLabel(catalog.fields.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: catalog.login.submit }).click();
}
