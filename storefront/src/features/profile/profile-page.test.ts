import { describe, expect, it, vi } from 'vitest';
import { parseLocale } from '~/i18n';
import type { PageContext } from '~/features/forms/page-context';
import { profilePage } from './profile-page.server';

// The profile the CMS holds, and what it was asked to save; nothing is sent anywhere.
const saved = vi.hoisted(() => [] as unknown[]);
vi.mock('./profile-api.server', () => {
  const profile = {
    email: 'owner@example.com',
    createdAt: '2024-01-02T00:00:00.000Z',
    displayName: 'Asha',
    phone: null,
    preferredLocale: 'ne',
    notificationChannels: { email: true, sms: false },
  };
  return {
    profileApi: {
      get: async () => ({ ok: true, data: profile }),
      update: async (_token: string, changes: object) => {
        saved.push(changes);
        return { ok: true, data: { ...profile, ...changes } };
      },
    },
  };
});

const en = parseLocale('en')!;

function contextFor(href: string, form?: Record<string, string>): PageContext {
  const request = new Request(
    `http://portal.test${href}`,
    form
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form),
        }
      : undefined,
  );
  return {
    request,
    url: new URL(request.url),
    locals: { requestId: 'r1', session: { accessToken: 't' }, csrfToken: 'c' },
    cookies: { get: () => undefined, set() {}, delete() {} },
    response: { status: 200, headers: new Headers() },
    redirect: (path: string, status = 302) =>
      new Response(null, { status, headers: { location: path } }),
  } as unknown as PageContext;
}

describe('profilePage', () => {
  it('shows the saved profile, fresh or confirmed after the redirect', async () => {
    expect(await profilePage(contextFor('/en/profile'), en)).toMatchObject({
      kind: 'form',
      email: 'owner@example.com',
      status: { kind: 'editing' },
    });
    expect(await profilePage(contextFor('/en/profile?saved=1'), en)).toMatchObject({
      kind: 'form',
      status: { kind: 'saved' },
    });
  });

  it('keeps what was typed with the errors, saving nothing', async () => {
    const form = { displayName: 'x'.repeat(81), preferredLocale: 'en' };

    const view = await profilePage(contextFor('/en/profile?saved=1', form), en);

    expect(view).toMatchObject({
      kind: 'form',
      values: { displayName: 'x'.repeat(81) },
      status: { kind: 'invalid', errors: [{ field: 'displayName' }] },
    });
    expect(saved).toEqual([]);
  });

  it('redirects a save to the profile in the language just chosen', async () => {
    const view = await profilePage(contextFor('/en/profile', { preferredLocale: 'ne' }), en);

    expect(view).toBeInstanceOf(Response);
    expect((view as Response).headers.get('location')).toBe('/ne/profile?saved=1');
  });
});
