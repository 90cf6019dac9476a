import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN } from './servers/admin-panel.mjs';
import { CMS_PORT } from './servers/ports.mjs';

/** The admin specs' one way into the admin panel: in the browser and through the admin API. */

/** A URL of the CMS the browser tests started. */
export const cms = (path: string) => `http://127.0.0.1:${CMS_PORT}${path}`;

export interface AdminUser {
  email: string;
  password: string;
}

/**
 * Strapi's guided tour, which a fresh admin gets: its popovers cover the page whenever a tour
 * step opens. Skipped as a person would, each time one shows up in front of an action (its
 * button says Skip in Nepali too: the tour is out of scope for the Nepali admin).
 */
export async function skipGuidedTour(page: Page) {
  await page.addLocatorHandler(
    page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Skip' }) }),
    async (tour) => {
      await tour.getByRole('button', { name: 'Skip' }).click();
    },
  );
}

/**
 * Signs `user` (the e2e Super Admin unless told) in on the admin panel's sign-in form. The
 * tour is skipped unless `skipTour: false` (a spec that asserts there is no tour must see it).
 * Returns once the form is sent: the caller waits for what it expects to see next.
 */
export async function signInToAdmin(
  page: Page,
  { user = E2E_ADMIN, skipTour = true }: { user?: AdminUser; skipTour?: boolean } = {},
) {
  if (skipTour) await skipGuidedTour(page);
  await page.goto(cms('/admin'));
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Login' }).click();
}

/** The admin API's Authorization header for `user` (the e2e Super Admin unless told). */
export async function adminApiHeaders(request: APIRequestContext, user: AdminUser = E2E_ADMIN) {
  const login = await request.post(cms('/admin/login'), { data: user });
  if (!login.ok()) {
    throw new Error(`admin sign-in of ${user.email}: ${login.status()} ${await login.text()}`);
  }
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  return { Authorization: `Bearer ${token}` };
}

/**
 * No serious or critical WCAG 2 A/AA violation on the admin page as it is now. Strapi's own
 * screens carry minor ones this project does not own; what it adds must have none that bar use.
 */
export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(
    results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
      ),
  ).toEqual([]);
}
