import { z } from 'astro/zod';

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

export interface CmsClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onFailure?: (failure: CmsFailure) => void;
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
}: CmsClientOptions): CmsClient {
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
    async getHomePage(locale, context) {
      const path = `/api/home-page?locale=${encodeURIComponent(locale)}`;
      const body = await getJson(path, homePageResponse, context);
      return body?.data ?? null;
    },
  };
}
