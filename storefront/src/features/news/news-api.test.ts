import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCmsApi } from '~/lib/cms-api';
import { createNewsApi, type ArticleSummary } from './news-api';
import { articleView, newsListView, tagsOf } from './news-pages';

const context = { requestId: 'req-news', clientAddress: '203.0.113.9' };

const summary = (id: string, tags: string[] = []): ArticleSummary => ({
  id,
  slug: `article-${id}`,
  title: `Title ${id}`,
  summary: `Summary ${id}`,
  cover:
    id === 'a' ? { url: '/uploads/cover.jpg', alternativeText: 'A bus on the Mugling road' } : null,
  tags,
  publishedAt: '2026-11-30T06:00:00.000Z',
});

/**
 * A loopback CMS answering `GET /api/news` and `GET /api/news/:slug` as CONTRACTS.md says:
 * pages of two, a signed cursor, 400 naming `cursor` or `tag`, 404 for an unknown slug.
 */
let server: Server;
let cmsUrl: string;
let seen: Array<{ url: string; headers: Record<string, string | string[] | undefined> }>;
const ARTICLES = [summary('a', ['safety', 'बस']), summary('b', ['safety']), summary('c', ['ev'])];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://cms.test');
    seen.push({ url: `${url.pathname}${url.search}`, headers: request.headers });
    const json = (status: number, value: unknown) =>
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    const refuse = (status: number, field?: string) =>
      json(status, {
        data: null,
        error: {
          status,
          name: status === 404 ? 'NotFoundError' : 'ValidationError',
          message: 'refused',
          details: field ? { errors: [{ path: [field], message: 'bad' }] } : {},
        },
      });
    if (url.pathname === '/api/news') {
      const tag = url.searchParams.get('tag');
      if (tag === 'rejected-by-cms') return refuse(400, 'tag');
      const cursor = url.searchParams.get('cursor');
      if (cursor && cursor !== 'signed-2') return refuse(400, 'cursor');
      const limit = Number(url.searchParams.get('limit'));
      const matching = ARTICLES.filter((item) => !tag || item.tags.includes(tag));
      const start = cursor ? 2 : 0;
      const items = matching.slice(start, start + Math.min(limit, 2));
      const nextCursor = start + 2 < matching.length ? 'signed-2' : null;
      return json(200, { data: items, meta: { pagination: { limit, nextCursor } } });
    }
    const slug = /^\/api\/news\/([^/]+)$/.exec(url.pathname)?.[1];
    if (slug) {
      const found = ARTICLES.find((item) => item.slug === decodeURIComponent(slug));
      if (!found) return refuse(404);
      return json(200, {
        data: {
          ...found,
          body: '<p>Safe <a href="javascript:alert(1)">link</a></p><script>x()</script>',
        },
      });
    }
    return refuse(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const api = () => createNewsApi(createCmsApi({ baseUrl: cmsUrl }));

describe('news list', () => {
  it('asks for one page in the locale, with no token, forwarding the request id', async () => {
    const view = await newsListView(api(), 'ne', context, new URLSearchParams());
    expect(view).toMatchObject({
      kind: 'list',
      laterPage: false,
      page: { nextCursor: 'signed-2' },
    });
    expect(view.kind === 'list' && view.page.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(seen[0]!.url).toBe('/api/news?locale=ne&limit=12');
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers['x-request-id']).toBe('req-news');
  });

  it('follows the keyset cursor and narrows to a tag (a Nepali one too)', async () => {
    const next = await newsListView(
      api(),
      'en',
      context,
      new URLSearchParams({ cursor: 'signed-2' }),
    );
    expect(next).toMatchObject({ kind: 'list', laterPage: true, page: { nextCursor: null } });
    expect(next.kind === 'list' && next.page.items.map((item) => item.id)).toEqual(['c']);
    const tagged = await newsListView(api(), 'ne', context, new URLSearchParams({ tag: 'बस' }));
    expect(tagged.kind === 'list' && tagged.page.items.map((item) => item.id)).toEqual(['a']);
    expect(seen[1]!.url).toBe(`/api/news?locale=ne&limit=12&tag=${encodeURIComponent('बस')}`);
  });

  it('refuses a tag that is not one without asking the CMS, and one the CMS refuses', async () => {
    expect(
      await newsListView(api(), 'en', context, new URLSearchParams({ tag: '<script>' })),
    ).toEqual({ kind: 'bad-tag', tag: '<script>' });
    expect(seen).toHaveLength(0);
    expect(
      await newsListView(api(), 'en', context, new URLSearchParams({ tag: 'rejected-by-cms' })),
    ).toEqual({ kind: 'bad-tag', tag: 'rejected-by-cms' });
  });

  it('goes back to the first page when the CMS refuses the cursor', async () => {
    expect(
      await newsListView(
        api(),
        'en',
        context,
        new URLSearchParams({ cursor: 'forged', tag: 'ev' }),
      ),
    ).toEqual({ kind: 'first-page', tag: 'ev' });
  });

  it('says the news are unavailable when the CMS is down', async () => {
    const down = createNewsApi(createCmsApi({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500 }));
    expect(await newsListView(down, 'en', context, new URLSearchParams())).toEqual({
      kind: 'unavailable',
      tag: undefined,
    });
  });

  it('refuses an answer that does not follow the contract', async () => {
    const odd = createNewsApi((async () => ({
      ok: false,
      problem: { kind: 'invalid-response', status: 200, reason: 'schema' },
    })) as never);
    expect((await newsListView(odd, 'en', context, new URLSearchParams())).kind).toBe(
      'unavailable',
    );
  });

  it('collects the topics of the articles shown, once each', () => {
    expect(tagsOf(ARTICLES)).toEqual(['safety', 'बस', 'ev']);
  });
});

describe('article', () => {
  it('passes the body through the portal’s allow-list', async () => {
    const view = await articleView(api(), 'ne', context, 'article-a');
    expect(view).toMatchObject({ kind: 'article', article: { id: 'a', tags: ['safety', 'बस'] } });
    expect(view.kind === 'article' && view.safeBody).toBe('<p>Safe link</p>');
    expect(seen[0]!.url).toBe('/api/news/article-a?locale=ne');
  });

  it('is not found for an unknown slug, and for one that is not a slug (CMS not asked)', async () => {
    expect(await articleView(api(), 'en', context, 'nothing-here')).toEqual({ kind: 'not-found' });
    expect(await articleView(api(), 'en', context, '../admin')).toEqual({ kind: 'not-found' });
    expect(seen).toHaveLength(1);
  });
});
