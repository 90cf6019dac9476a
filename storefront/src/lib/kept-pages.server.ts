import type { APIContext, MiddlewareHandler } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { createTtlCache } from './ttl-cache';

const encoder = new TextEncoder();

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
 * A kept page, answered as the page itself answers; `Server-Timing: kept` tells it apart
 * (browser dev tools show it; the browser tests read it).
 */
function keptPageResponse(html: Uint8Array<ArrayBuffer>): Response {
  return new Response(html, {
    headers: { 'Content-Type': 'text/html', 'Server-Timing': KEPT_TIMING },
  });
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
  const kept = createTtlCache<string, { version: string; html: Uint8Array<ArrayBuffer> }>({
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
    if (page?.version === version) return keptPageResponse(page.html);
    const rendering = { complete: false };
    context.locals.keptPage = rendering;
    const response = await next();
    if (!rendering.complete || response.status !== 200) return response;
    const html = await response.text();
    kept.set(key, { version, html: encoder.encode(html) });
    return new Response(html, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  });
}
