import { z } from 'astro/zod';
import { createTtlCache } from '~/lib/ttl-cache';

const homePageResponse = z.object({
  data: z.object({
    documentId: z.string(),
    headline: z.string(),
    intro: z.string().nullish(),
    locale: z.string(),
  }),
});

/** The localized home page content editors publish in the CMS. */
export type HomePage = z.infer<typeof homePageResponse>['data'];

/** Why a CMS request gave no content; passed to `onFailure` for logging. */
export interface CmsFailure {
  path: string;
  requestId: string;
  reason: string;
  status?: number;
}

/**
 * How long the portal reuses the home page copy it read. Every home page view used to wait on
 * this uncached single type; an editor's change now shows within this time.
 */
export const HOME_PAGE_TTL_MS = 30_000;

export interface CmsClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onFailure?: (failure: CmsFailure) => void;
  /** How long a home page read is reused (HOME_PAGE_TTL_MS by default; failures never are). */
  cacheTtlMs?: number;
  now?: () => number;
}

/** Per-request details the client forwards to the CMS. */
export interface CmsRequestContext {
  requestId: string;
}

/** A typed client for the CMS content API; every read resolves to null on failure. */
export interface CmsClient {
  getHomePage(locale: string, context: CmsRequestContext): Promise<HomePage | null>;
}

/**
 * Creates a CMS client. Requests time out (3 s by default) and never throw: a page renders a
 * fallback instead of failing when the CMS is down, slow or answers something unexpected.
 */
export function createCmsClient({
  baseUrl,
  timeoutMs = 3000,
  fetch: fetchImpl = fetch,
  onFailure = () => {},
  cacheTtlMs = HOME_PAGE_TTL_MS,
  now = Date.now,
}: CmsClientOptions): CmsClient {
  // One entry per locale; concurrent misses share one request.
  const homePages = createTtlCache<string, HomePage | null>({
    ttlMs: cacheTtlMs,
    maxEntries: 16,
    now,
  });

  async function getJson<T>(path: string, schema: z.ZodType<T>, context: CmsRequestContext) {
    const fail = (reason: string, status?: number): null => {
      onFailure({ path, requestId: context.requestId, reason, status });
      return null;
    };
    try {
      const response = await fetchImpl(new URL(path, baseUrl), {
        headers: { Accept: 'application/json', 'X-Request-Id': context.requestId },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return fail('unexpected status', response.status);
      const parsed = schema.safeParse(await response.json());
      return parsed.success ? parsed.data : fail(`invalid response: ${parsed.error.message}`);
    } catch (error) {
      return fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  return {
    getHomePage(locale, context) {
      const path = `/api/home-page?locale=${encodeURIComponent(locale)}`;
      return homePages.getOrLoad(
        locale,
        async () => (await getJson(path, homePageResponse, context))?.data ?? null,
        (page) => page !== null,
      );
    },
  };
}
