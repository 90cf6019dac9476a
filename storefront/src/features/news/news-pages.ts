import type { CmsCallContext } from '~/lib/cms-api';
import type { Page } from '~/features/garage/vehicle-api';
import {
  SLUG_PATTERN,
  TAG_PATTERN,
  type Article,
  type ArticleSummary,
  type NewsApi,
} from './news-api';
import { safeArticleHtml } from './safe-html';

/** What the news list page shows. */
export type NewsListView =
  | { kind: 'list'; page: Page<ArticleSummary>; tag?: string; laterPage: boolean }
  /** `?tag=` is not a tag (400): the page says so and links to all news. */
  | { kind: 'bad-tag'; tag: string }
  /** The cursor is stale or forged: back to the first page (of the same tag). */
  | { kind: 'first-page'; tag?: string }
  | { kind: 'unavailable'; tag?: string };

/**
 * The news list for `?tag=&cursor=`: newest first, one keyset page. The tag is checked here
 * before the CMS is asked; the CMS's own refusal of the tag or the cursor is handled the same.
 */
export async function newsListView(
  api: NewsApi,
  locale: string,
  context: CmsCallContext,
  query: URLSearchParams,
): Promise<NewsListView> {
  const tag = query.get('tag')?.trim() || undefined;
  const cursor = query.get('cursor') || undefined;
  if (tag !== undefined && !TAG_PATTERN.test(tag)) return { kind: 'bad-tag', tag };
  const result = await api.list(locale, context, { tag, cursor });
  if (result.ok) return { kind: 'list', page: result.data, tag, laterPage: cursor !== undefined };
  const { problem } = result;
  if (problem.kind === 'rejected' && problem.status === 400) {
    const field = (problem.details as { errors?: Array<{ path?: unknown[] }> } | undefined)
      ?.errors?.[0]?.path?.[0];
    if (field === 'tag' && tag) return { kind: 'bad-tag', tag };
    if (cursor) return { kind: 'first-page', tag };
  }
  return { kind: 'unavailable', tag };
}

/** What the article page shows: the body passed through the portal's allow-list. */
export type ArticleView =
  | { kind: 'article'; article: Article; safeBody: string }
  | { kind: 'not-found' }
  | { kind: 'unavailable' };

export async function articleView(
  api: NewsApi,
  locale: string,
  context: CmsCallContext,
  slug: string,
): Promise<ArticleView> {
  if (!SLUG_PATTERN.test(slug)) return { kind: 'not-found' };
  const result = await api.article(locale, context, slug);
  if (result.ok) {
    return { kind: 'article', article: result.data, safeBody: safeArticleHtml(result.data.body) };
  }
  const { problem } = result;
  return problem.kind === 'rejected' && (problem.status === 404 || problem.status === 400)
    ? { kind: 'not-found' }
    : { kind: 'unavailable' };
}

/** The tags of the articles shown, each once, in the order first met: the topic filter. */
export function tagsOf(items: ArticleSummary[]): string[] {
  return [...new Set(items.flatMap((item) => item.tags))];
}
