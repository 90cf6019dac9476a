import type { APIContext, MiddlewareNext } from 'astro';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  KEPT_TIMING,
  keepPage,
  keptEncoding,
  keptPagesMiddleware,
  type PageKeeping,
} from './kept-pages.server';

const ROUTE = '/[locale]/garage';

/** A keeping whose key and version the test sets, counting the version reads. */
function keeping(state: { key?: string; version?: string }) {
  const reads = { count: 0 };
  const value: PageKeeping = {
    key: () => state.key,
    version: async () => {
      reads.count += 1;
      return state.version;
    },
  };
  return { value, reads };
}

interface Render {
  html?: string;
  status?: number;
  /** Whether the page says it may be kept (it rendered from complete data). */
  complete?: boolean;
}

function setup(state: { key?: string; version?: string }, options = {}) {
  const { value, reads } = keeping(state);
  const middleware = keptPagesMiddleware({ [ROUTE]: value }, { enabled: true, ...options });
  const renders: string[] = [];
  async function request(
    { html = 'page', status = 200, complete = true }: Render = {},
    {
      method = 'GET',
      routePattern = ROUTE,
      acceptEncoding = undefined,
    }: { method?: string; routePattern?: string; acceptEncoding?: string } = {},
  ) {
    const headers: Record<string, string> = acceptEncoding
      ? { 'accept-encoding': acceptEncoding }
      : {};
    const context = {
      request: new Request('http://portal.test/en/garage', { method, headers }),
      url: new URL('http://portal.test/en/garage'),
      routePattern,
      params: { locale: 'en' },
      locals: {} as App.Locals,
    };
    const next: MiddlewareNext = async () => {
      renders.push(html);
      if (complete) keepPage(context);
      return new Response(html, { status, headers: { 'X-Rendered': 'yes' } });
    };
    const response = await middleware(context as unknown as APIContext, next);
    if (!(response instanceof Response)) throw new Error('the middleware answered no Response');
    const body = new Uint8Array(await response.arrayBuffer());
    return { response, body, text: new TextDecoder().decode(body) };
  }
  return { request, reads, renders };
}

describe('keptPagesMiddleware', () => {
  it('serves a page rendered from complete data again while its version holds, without rendering it', async () => {
    const { request, reads, renders } = setup({ key: 'visitor\n/en/garage', version: 'v1' });

    const first = await request({ html: '<h1>Garage</h1>' });
    const second = await request({ html: 'not rendered' });

    expect(first.text).toBe('<h1>Garage</h1>');
    expect(first.response.headers.get('x-rendered')).toBe('yes');
    expect(first.response.headers.get('server-timing')).toBeNull();
    expect(second.text).toBe('<h1>Garage</h1>');
    expect(second.response.headers.get('server-timing')).toBe(KEPT_TIMING);
    expect(second.response.headers.get('content-type')).toBe('text/html');
    expect(renders).toEqual(['<h1>Garage</h1>']);
    expect(reads.count).toBe(2);
  });

  it('renders again when the version moved, and keeps the new page under the new version', async () => {
    const state = { key: 'visitor', version: 'v1' };
    const { request, renders } = setup(state);

    await request({ html: 'old name' });
    state.version = 'v2';
    const moved = await request({ html: 'new name' });
    const again = await request({ html: 'not rendered' });

    expect(moved.text).toBe('new name');
    expect(moved.response.headers.get('server-timing')).toBeNull();
    expect(again.text).toBe('new name');
    expect(renders).toEqual(['old name', 'new name']);
  });

  it('keeps pages apart by key', async () => {
    const state = { key: 'owner a', version: 'v1' };
    const { request } = setup(state);

    await request({ html: 'garage of a' });
    state.key = 'owner b';
    const other = await request({ html: 'garage of b' });

    expect(other.text).toBe('garage of b');
    expect(other.response.headers.get('server-timing')).toBeNull();
  });

  it('never keeps a page that did not say it was complete, nor one that answered other than 200', async () => {
    const { request, renders } = setup({ key: 'visitor', version: 'v1' });

    await request({ html: 'degraded', complete: false });
    await request({ html: 'redirect', status: 303 });
    const third = await request({ html: 'full' });

    expect(third.response.headers.get('server-timing')).toBeNull();
    expect(renders).toEqual(['degraded', 'redirect', 'full']);
  });

  it('renders, keeping nothing, when the version cannot be read', async () => {
    const state: { key: string; version?: string } = { key: 'visitor', version: undefined };
    const { request, renders } = setup(state);

    await request({ html: 'first' });
    state.version = 'v1';
    const second = await request({ html: 'second' });

    expect(second.text).toBe('second');
    expect(renders).toEqual(['first', 'second']);
  });

  it('reads no version for a page without a key, another route, or a form post', async () => {
    const { request, reads, renders } = setup({ key: undefined, version: 'v1' });
    await request();
    await request();
    const keyed = setup({ key: 'visitor', version: 'v1' });
    await keyed.request({}, { routePattern: '/[locale]/garage/[id]' });
    await keyed.request({}, { method: 'POST' });
    await keyed.request({}, { method: 'POST' });

    expect(reads.count).toBe(0);
    expect(renders).toHaveLength(2);
    expect(keyed.reads.count).toBe(0);
    expect(keyed.renders).toHaveLength(3);
  });

  it('forgets a kept page after a minute, whatever its version', async () => {
    let time = 0;
    const { request, renders } = setup({ key: 'visitor', version: 'v1' }, { now: () => time });

    await request({ html: 'first' });
    time = 59_000;
    expect((await request()).text).toBe('first');
    time = 61_000;
    expect((await request({ html: 'fresh' })).text).toBe('fresh');
    expect(renders).toEqual(['first', 'fresh']);
  });

  it('keeps nothing when off (astro dev)', async () => {
    const { request, reads, renders } = setup(
      { key: 'visitor', version: 'v1' },
      { enabled: false },
    );

    await request();
    await request();

    expect(reads.count).toBe(0);
    expect(renders).toHaveLength(2);
  });

  it('sends a kept page compressed as the browser accepts, and as it is to one that accepts neither', async () => {
    const { request, renders } = setup({ key: 'visitor', version: 'v1' });
    const html = `<h1>Garage</h1>${'<p>नमस्ते, vehicle</p>'.repeat(200)}`;

    const first = await request({ html }, { acceptEncoding: 'br, gzip' });
    const br = await request({}, { acceptEncoding: 'gzip, deflate, br, zstd' });
    const gzip = await request({}, { acceptEncoding: 'gzip, br;q=0' });
    const plain = await request({}, { acceptEncoding: 'br;q=0, gzip;q=0' });
    const again = await request({}, { acceptEncoding: 'br' });

    // The first answer is the rendering itself; server.mjs compresses that one.
    expect(first.response.headers.get('content-encoding')).toBeNull();
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.response.headers.get('server-timing')).toBe(KEPT_TIMING);
    expect(br.body.byteLength).toBeLessThan(new TextEncoder().encode(html).byteLength / 4);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(html);
    expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(html);
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(plain.text).toBe(html);
    expect(again.body).toEqual(br.body);
    // Each with its length in bytes (the Nepali text makes bytes and characters differ).
    for (const answer of [br, gzip, plain]) {
      expect(answer.response.headers.get('content-length')).toBe(String(answer.body.byteLength));
    }
    expect(plain.body.byteLength).toBe(new TextEncoder().encode(html).byteLength);
    expect(renders).toHaveLength(1);
  });
});

describe('keptEncoding', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br; q=0 , gzip ; q=0', undefined],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0, *', 'br'],
    ['identity', undefined],
    ['deflate', undefined],
    ['br;q=x', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s: %s', (accept, expected) => {
    expect(keptEncoding(accept)).toBe(expected);
  });
});
