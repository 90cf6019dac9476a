import type { APIContext, MiddlewareHandler } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createTtlCache } from './ttl-cache';

const encoder = new TextEncoder();

type Encoding = 'br' | 'gzip';

/**
 * The encoding a kept page is sent in, from the request's Accept-Encoding: brotli or gzip,
 * whichever it rates higher (brotli on a tie), never one it refuses with q=0; none (the page as
 * it is) when it accepts neither.
 */
export function keptEncoding(accept: string | null): Encoding | undefined {
  const rated = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (name) rated.set(name, Number.isNaN(quality) ? 0 : quality);
  }
  const rate = (encoding: Encoding) => rated.get(encoding) ?? rated.get('*') ?? 0;
  const br = rate('br');
  const gzip = rate('gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}

// Once per kept page and encoding, so a little more effort than the per-response compression
// in server.mjs (brotli 4): quality 6 takes ~1 ms on a 40 kB page.
const compress: Record<Encoding, (html: Uint8Array) => Uint8Array<ArrayBuffer>> = {
  br: (html) =>
    new Uint8Array(
      brotliCompressSync(html, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 6,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: html.byteLength,
        },
      }),
    ),
  gzip: (html) => new Uint8Array(gzipSync(html)),
};

interface KeptPage {
  version: string;
  html: Uint8Array<ArrayBuffer>;
  /** The page compressed, made the first time a browser asks for it so. */
  encoded: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

/** How the pages of one route are kept: under what key, and for which version of their data. */
export interface PageKeeping {
  /**
   * What this request's page is kept under: everything that tells two renderings of the
   * route apart besides the data (the visitor, the URL). None: this page is not kept.
   */
  key(context: APIContext): string | undefined;
  /**
   * The version of the data the page shows, read before the data itself; none when it
   * cannot be read (the page is then rendered and not kept).
   */
  version(context: APIContext): Promise<string | undefined>;
}

/**
 * Tells the kept-pages middleware that the page rendering now may be kept: it was rendered
 * from complete data (never a degraded page). Does nothing on a route that is not kept.
 */
export function keepPage(context: Pick<APIContext, 'locals'>): void {
  if (context.locals.keptPage) context.locals.keptPage.complete = true;
}

/**
 * A kept page, answered as the page itself answers, compressed as the browser accepts (kept
 * so, not compressed again on every answer: server.mjs leaves an encoded answer as it is);
 * `Server-Timing: kept` tells it apart (browser dev tools show it; the browser tests read it).
 */
function keptPageResponse(page: KeptPage, encoding: Encoding | undefined): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'text/html',
    'Server-Timing': KEPT_TIMING,
    Vary: 'Accept-Encoding',
  };
  const body = encoding ? (page.encoded[encoding] ??= compress[encoding](page.html)) : page.html;
  // Its length is known: sent whole in one write, not as chunks ended by a second write.
  headers['Content-Length'] = String(body.byteLength);
  if (encoding) headers['Content-Encoding'] = encoding;
  return new Response(body, { headers });
}

export const KEPT_TIMING = 'kept;desc="rendered page reused"';

/**
 * Serves the routes in `routes` (by route pattern, `/[locale]/garage`) from what this process
 * kept, as long as the version of their data is the one they were rendered from: checked
 * before the page renders, so a kept page costs one version read and nothing of Astro's page
 * rendering. Otherwise the page renders and, when it called `keepPage` and answered 200, is
 * kept under the version read before it.
 */
export function keptPagesMiddleware(
  routes: Record<string, PageKeeping>,
  // Off under `astro dev`: an edited component must show on the next reload.
  {
    enabled = !import.meta.env.DEV,
    now = Date.now,
  }: { enabled?: boolean; now?: () => number } = {},
): MiddlewareHandler {
  const keepings = new Map(Object.entries(routes));
  // Pages rendered by this process, per visitor and URL, with the version of the data they
  // show. A minute at most: the version covers the data, the minute bounds what it cannot see
  // (another CMS instance's view of a published recall, for one). 800 pages at most (a garage
  // page is ~40 kB: some 32 MB), as UTF-8 bytes (a Response of a string encodes it again on
  // every answer).
  const kept = createTtlCache<string, KeptPage>({
    ttlMs: 60_000,
    maxEntries: 800,
    now,
  });
  return defineMiddleware(async (context, next) => {
    const keeping =
      context.request.method === 'GET' ? keepings.get(context.routePattern) : undefined;
    const key = enabled ? keeping?.key(context) : undefined;
    if (!keeping || key === undefined) return next();
    const version = await keeping.version(context);
    if (version === undefined) return next();
    const page = kept.get(key);
    if (page?.version === version) {
      return keptPageResponse(page, keptEncoding(context.request.headers.get('accept-encoding')));
    }
    const rendering = { complete: false };
    context.locals.keptPage = rendering;
    const response = await next();
    if (!rendering.complete || response.status !== 200) return response;
    const html = await response.text();
    kept.set(key, { version, html: encoder.encode(html), encoded: {} });
    return new Response(html, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  });
}
