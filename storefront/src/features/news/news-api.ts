import { z } from 'astro/zod';
import type { CmsApi, CmsCallContext, CmsResult } from '~/lib/cms-api';
import type { Page } from '~/features/garage/vehicle-api';

const cover = z.object({ url: z.string(), alternativeText: z.string().nullish() }).nullable();

const summary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullish(),
  cover,
  tags: z.array(z.string()),
  publishedAt: z.string(),
});

/** An article in a list: what a card shows. */
export type ArticleSummary = z.infer<typeof summary>;

const article = summary.extend({ body: z.string() });

/** An article with its body: HTML the CMS rendered and sanitised (see `safe-html.ts`). */
export type Article = z.infer<typeof article>;

const list = z.object({
  data: z.array(summary),
  meta: z.object({ pagination: z.object({ nextCursor: z.string().nullish() }) }),
});

/** Articles per page of the news list. */
export const NEWS_PAGE_SIZE = 12;

/** A tag as the news list accepts it in `?tag=` (a slug-like word). */
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]{0,59}$/u;

/** An article's slug as the portal accepts it in a path. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,159}$/i;

export interface NewsListQuery {
  tag?: string;
  cursor?: string;
  limit?: number;
}

/** The public news routes, typed (no token: anyone may read the news). */
export interface NewsApi {
  list(
    locale: string,
    context: CmsCallContext,
    query?: NewsListQuery,
  ): Promise<CmsResult<Page<ArticleSummary>>>;
  article(locale: string, context: CmsCallContext, slug: string): Promise<CmsResult<Article>>;
}

/** Binds the news routes to a CMS caller. */
export function createNewsApi(call: CmsApi): NewsApi {
  return {
    async list(locale, context, query = {}) {
      const params = new URLSearchParams({ locale, limit: String(query.limit ?? NEWS_PAGE_SIZE) });
      if (query.tag) params.set('tag', query.tag);
      if (query.cursor) params.set('cursor', query.cursor);
      const result = await call({
        method: 'GET',
        path: `/api/news?${params}`,
        schema: list,
        context,
      });
      return result.ok
        ? {
            ok: true,
            data: {
              items: result.data.data,
              nextCursor: result.data.meta.pagination.nextCursor ?? null,
            },
          }
        : result;
    },
    async article(locale, context, slug) {
      const result = await call({
        method: 'GET',
        path: `/api/news/${encodeURIComponent(slug)}?${new URLSearchParams({ locale })}`,
        schema: z.object({ data: article }),
        context,
      });
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
  };
}
