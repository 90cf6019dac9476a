import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLocale } from '~/i18n';
import type { PageContext } from '~/features/forms/page-context';
import { feedUrls } from './calendar-feed-api';
import { calendarFeedPage } from './calendar-feed-page.server';

const cms = vi.hoisted(() => ({ calls: [] as string[], answers: new Map<string, unknown>() }));
vi.mock('./calendar-feed-api.server', () => ({
  calendarFeedApi: Object.fromEntries(
    ['state', 'rotate', 'revoke'].map((name) => [
      name,
      async () => {
        cms.calls.push(name);
        return cms.answers.get(name);
      },
    ]),
  ),
}));

const en = parseLocale('en')!;
const TOKEN = 'a'.repeat(43);

function context(intent?: string): PageContext {
  const url = 'https://motorghar.test/en/profile/calendar';
  const request = intent
    ? new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ intent }),
      })
    : new Request(url);
  return {
    request,
    url: new URL(url),
    locals: { requestId: 'q1', session: { accessToken: 't' } },
    cookies: { get: () => undefined, set() {}, delete() {} },
    response: { status: 200, headers: new Headers() },
    redirect: (path: string, status = 302) =>
      new Response(null, { status, headers: { location: path } }),
  } as unknown as PageContext;
}

beforeEach(() => {
  cms.calls.length = 0;
  cms.answers.set('state', { ok: true, data: { exists: false, createdAt: null } });
});

describe('feedUrls', () => {
  it('gives the https link and the webcal one on the portal', () => {
    expect(feedUrls('https://motorghar.test', `/calendar/${TOKEN}.ics`)).toEqual({
      https: `https://motorghar.test/calendar/${TOKEN}.ics`,
      webcal: `webcal://motorghar.test/calendar/${TOKEN}.ics`,
    });
  });
});

describe('calendarFeedPage', () => {
  it('shows a new link once, in the answer to the post, never in an address', async () => {
    cms.answers.set('rotate', {
      ok: true,
      data: { token: TOKEN, createdAt: '2026-12-01T00:00:00Z' },
    });
    const page = context('rotate');
    const view = await calendarFeedPage(page, en);
    expect(page.response.headers.get('cache-control')).toBe('private, no-store');
    expect(view).toMatchObject({
      kind: 'feed',
      state: { exists: true },
      issued: { webcal: `webcal://motorghar.test/calendar/${TOKEN}.ics` },
    });
    const later = await calendarFeedPage(context(), en);
    expect(later).not.toHaveProperty('issued');
  });

  it('stops the link and says so after the redirect', async () => {
    cms.answers.set('revoke', { ok: true, data: undefined });
    const response = (await calendarFeedPage(context('revoke'), en)) as Response;
    expect(response.headers.get('location')).toBe('/en/profile/calendar?revoked=1');
    expect(cms.calls).toEqual(['revoke']);
  });

  it('explains a CMS that cannot make the link', async () => {
    cms.answers.set('rotate', { ok: false, problem: { kind: 'unreachable', reason: 'down' } });
    const view = await calendarFeedPage(context('rotate'), en);
    expect(view).toMatchObject({ errors: [{ key: 'profile.calendar.unavailable' }] });
  });

  it('refuses an intent no form sends', async () => {
    const page = context('launch');
    const view = await calendarFeedPage(page, en);
    expect(page.response.status).toBe(400);
    expect(cms.calls).toEqual(['state']);
    expect(view).toMatchObject({ errors: [{ key: 'forms.errors.generic' }] });
  });
});
