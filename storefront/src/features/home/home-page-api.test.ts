import { describe, expect, it, vi } from 'vitest';
import { createCmsClient, HOME_PAGE_TTL_MS, type CmsClientOptions } from './home-page-api';

const context = { requestId: 'req-123' };

const homePageBody = (overrides: Record<string, unknown> = {}) => ({
  data: {
    id: 1,
    documentId: 'abc123',
    headline: 'स्वागत छ',
    intro: 'तपाईंको ग्यारेज',
    locale: 'ne',
    ...overrides,
  },
  meta: {},
});

function clientWith(respond: CmsClientOptions['fetch'], overrides: Partial<CmsClientOptions> = {}) {
  const onFailure = vi.fn();
  const fetch = vi.fn(respond);
  const client = createCmsClient({ baseUrl: 'http://cms.test', fetch, onFailure, ...overrides });
  return { client, fetch, onFailure };
}

describe('cms client: getHomePage', () => {
  it('returns the localized home page', async () => {
    const { client } = clientWith(async () => Response.json(homePageBody()));

    await expect(client.getHomePage('ne', context)).resolves.toEqual({
      documentId: 'abc123',
      headline: 'स्वागत छ',
      intro: 'तपाईंको ग्यारेज',
      locale: 'ne',
    });
  });

  it('asks for the locale and forwards the request id', async () => {
    const { client, fetch } = clientWith(async () => Response.json(homePageBody()));

    await client.getHomePage('ne', context);

    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('http://cms.test/api/home-page?locale=ne');
    expect(new Headers(init?.headers).get('x-request-id')).toBe('req-123');
  });

  it('returns null and reports the status when the CMS answers an error', async () => {
    const { client, onFailure } = clientWith(async () => new Response('{}', { status: 404 }));

    await expect(client.getHomePage('en', context)).resolves.toBeNull();
    expect(onFailure).toHaveBeenCalledWith(
      expect.objectContaining({ status: 404, requestId: 'req-123' }),
    );
  });

  it('returns null when the CMS cannot be reached', async () => {
    const { client, onFailure } = clientWith(async () => {
      throw new TypeError('fetch failed');
    });

    await expect(client.getHomePage('en', context)).resolves.toBeNull();
    expect(onFailure).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'TypeError: fetch failed' }),
    );
  });

  it('returns null when the answer does not have the expected shape', async () => {
    const { client } = clientWith(async () => Response.json(homePageBody({ headline: 42 })));

    await expect(client.getHomePage('en', context)).resolves.toBeNull();
  });

  it('gives up after the timeout', async () => {
    const hang: CmsClientOptions['fetch'] = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const { client, onFailure } = clientWith(hang, { timeoutMs: 20 });

    await expect(client.getHomePage('en', context)).resolves.toBeNull();
    expect(onFailure).toHaveBeenCalledWith(
      expect.objectContaining({ reason: expect.stringContaining('TimeoutError') }),
    );
  });
});

describe('cms client: getHomePage cache', () => {
  function clocked() {
    let time = 0;
    return { now: () => time, advance: (ms: number) => (time += ms) };
  }

  it('asks the CMS once per locale while the copy is fresh, however many pages render', async () => {
    const time = clocked();
    const { client, fetch } = clientWith(async () => Response.json(homePageBody()), {
      cacheTtlMs: 30_000,
      now: time.now,
    });

    await Promise.all([client.getHomePage('ne', context), client.getHomePage('ne', context)]);
    time.advance(29_999);
    await expect(client.getHomePage('ne', context)).resolves.toMatchObject({
      headline: 'स्वागत छ',
    });
    await client.getHomePage('en', context);

    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      'http://cms.test/api/home-page?locale=ne',
      'http://cms.test/api/home-page?locale=en',
    ]);
  });

  it('asks again once the copy is older than the time to live, so edits show up', async () => {
    const time = clocked();
    let headline = 'first';
    const { client, fetch } = clientWith(async () => Response.json(homePageBody({ headline })), {
      cacheTtlMs: 30_000,
      now: time.now,
    });

    await client.getHomePage('ne', context);
    headline = 'edited';
    time.advance(30_000);

    await expect(client.getHomePage('ne', context)).resolves.toMatchObject({ headline: 'edited' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps no failure: the next page asks the CMS again', async () => {
    let up = false;
    const { client, fetch } = clientWith(async () =>
      up ? Response.json(homePageBody()) : new Response('{}', { status: 503 }),
    );

    await expect(client.getHomePage('ne', context)).resolves.toBeNull();
    up = true;
    await expect(client.getHomePage('ne', context)).resolves.not.toBeNull();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('caches by default for HOME_PAGE_TTL_MS', async () => {
    const { client, fetch } = clientWith(async () => Response.json(homePageBody()));

    await client.getHomePage('ne', context);
    await client.getHomePage('ne', context);

    expect(HOME_PAGE_TTL_MS).toBeGreaterThan(0);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
