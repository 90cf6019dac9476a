import { defineMiddleware } from 'astro:middleware';
import { createTtlCache } from './ttl-cache';

/**
 * Signed-in pages this process rendered, kept per visitor and URL with the version of the
 * data they show (see `keepPage`). A minute at most: the version covers the data, the minute
 * bounds what it cannot see (another CMS instance's view of a published recall, for one).
 * 800 pages at most (a garage page is ~40 kB: some 32 MB).
 */
// Kept as UTF-8 bytes: a Response of a string encodes it again on every answer.
const kept = createTtlCache<string, { version: string; html: Uint8Array<ArrayBuffer> }>({
  ttlMs: 60_000,
  maxEntries: 800,
});

const encoder = new TextEncoder();

/** Off under `astro dev`: an edited component must show on the next reload. */
const enabled = !import.meta.env.DEV;

export const keptPages = {
  /** The page kept for `key` if it was rendered from `version`. */
  get(key: string, version: string): Uint8Array<ArrayBuffer> | undefined {
    if (!enabled) return undefined;
    const page = kept.get(key);
    return page?.version === version ? page.html : undefined;
  },
  set(key: string, version: string, html: string): void {
    if (enabled) kept.set(key, { version, html: encoder.encode(html) });
  },
};

type KeepContext = { locals: App.Locals };

/**
 * Asks that the page being rendered be kept under `key` for `version`, once it has rendered
 * completely with status 200 (`keptPagesMiddleware` reads it back). `version` must have been
 * read before any of the data the page shows, so the copy is never older than its version.
 */
export function keepPage(context: KeepContext, key: string, version: string): void {
  context.locals.keepPage = { key, version };
}

/**
 * A kept page, answered as the page itself answers; `Server-Timing: kept` tells it apart
 * (browser dev tools show it; the browser tests read it).
 */
export function keptPageResponse(html: Uint8Array<ArrayBuffer>): Response {
  return new Response(html, {
    headers: { 'Content-Type': 'text/html', 'Server-Timing': KEPT_TIMING },
  });
}

export const KEPT_TIMING = 'kept;desc="rendered page reused"';

/** Keeps the HTML of a page that asked for it (`keepPage`) and rendered with 200. */
export const keptPagesMiddleware = defineMiddleware(async (context, next) => {
  const response = await next();
  const keep = context.locals.keepPage;
  if (!enabled || !keep || response.status !== 200) return response;
  const html = await response.text();
  keptPages.set(keep.key, keep.version, html);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
