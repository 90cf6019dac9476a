import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarFeed } from './feed-proxy.server';

vi.mock('astro:env/server', () => ({ CMS_URL: 'http://cms.test' }));

const TOKEN = 'Ab_-'.repeat(10) + 'xyz';

function cmsAnswering(status: number, body = '') {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    asked.push(url.toString());
    return new Response(body, { status, headers: { 'content-type': 'text/calendar' } });
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('calendarFeed', () => {
  it("passes the owner's feed on from the CMS as a calendar", async () => {
    const asked = cmsAnswering(200, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const response = await calendarFeed(TOKEN, 'q1');
    expect(asked).toEqual([`http://cms.test/api/calendar/${TOKEN}.ics`]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await response.text()).toContain('BEGIN:VCALENDAR');
  });

  it('answers 404 for a revoked or rotated token, as the CMS does', async () => {
    cmsAnswering(404);
    expect((await calendarFeed(TOKEN, 'q1')).status).toBe(404);
  });

  it('never asks the CMS about something that is not a token', async () => {
    const asked = cmsAnswering(200);
    for (const token of [undefined, 'short', '../../admin', `${TOKEN}/x`]) {
      expect((await calendarFeed(token, 'q1')).status).toBe(404);
    }
    expect(asked).toEqual([]);
  });

  it('says the gateway failed when the CMS cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    expect((await calendarFeed(TOKEN, 'q1')).status).toBe(502);
  });
});
