import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../../lib/env';
import { NotFound } from '../../../lib/errors';
import { createCursorCodec, type Page } from '../../../lib/pagination';
import { FALLBACK_LOCALE, NEWS_UID, tagsOf } from '../news-uids';
import { blocksToHtml } from '../rules/blocks-html';

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  cover: { url: string; alternativeText: string | null } | null;
  tags: string[];
  publishedAt: string;
}

export interface Article extends ArticleSummary {
  body: string;
}

interface ArticleRow {
  id: number;
  documentId: string;
  slug: string;
  title: string;
  summary: string | null;
  body: unknown;
  tags: unknown;
  publishedAt: string | Date;
  cover?: { url: string; alternativeText?: string | null } | null;
}

export const coverOf = (cover: ArticleRow['cover']) =>
  cover ? { url: cover.url, alternativeText: cover.alternativeText ?? null } : null;

const summaryOf = (row: ArticleRow): ArticleSummary => ({
  id: row.documentId,
  slug: row.slug,
  title: row.title,
  summary: row.summary ?? null,
  cover: coverOf(row.cover),
  tags: tagsOf(row.tags),
  publishedAt: new Date(row.publishedAt).toISOString(),
});

/**
 * Published news, newest first. Each article is read in the asked locale, else in English:
 * one SQL statement picks, per article, the published row of the locale or (when that
 * locale has none) the English one, and pages them by (published_at, id) after the cursor's
 * row; the page's rows are then read whole (cover included) through the query engine.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cursors = createCursorCodec(`news:${loadEnv().appKeys[0]}`);
  const table = () => strapi.db.metadata.get(NEWS_UID).tableName;
  const knex = () => strapi.db.connection;
  const postgres = () => strapi.db.dialect.client === 'postgres';

  /** Published rows in `locale`, or in English for an article not published in `locale`. */
  function visible(locale: string) {
    const t = table();
    const query = knex()(`${t} as a`).whereNotNull('a.published_at');
    if (locale === FALLBACK_LOCALE) return query.where('a.locale', locale);
    return query.where((where) =>
      where
        .where('a.locale', locale)
        .orWhere((fallback) =>
          fallback
            .where('a.locale', FALLBACK_LOCALE)
            .whereNotExists(
              knex()(`${t} as b`)
                .select(knex().raw('1'))
                .whereRaw('b.document_id = a.document_id')
                .where('b.locale', locale)
                .whereNotNull('b.published_at'),
            ),
        ),
    );
  }

  async function rowsByIds(ids: number[]): Promise<ArticleRow[]> {
    if (ids.length === 0) return [];
    const rows = (await strapi.db.query(NEWS_UID).findMany({
      where: { id: { $in: ids } },
      populate: { cover: true },
    })) as ArticleRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  return {
    async list(query: {
      locale: string;
      tag?: string;
      limit: number;
      cursor?: string;
    }): Promise<Page<ArticleSummary>> {
      const ids = visible(query.locale).select('a.id', 'a.published_at');
      if (query.tag) {
        if (postgres()) ids.whereRaw('a.tags::jsonb @> ?::jsonb', [JSON.stringify([query.tag])]);
        else ids.whereRaw('EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ?)', [query.tag]);
      }
      if (query.cursor) {
        const afterId = cursors.decode(query.cursor);
        const after = (await knex()(table()).where('id', afterId).first('published_at')) as
          | { published_at: string | Date | number }
          | undefined;
        // The cursor's row was unpublished meanwhile: continue below its id alone.
        if (after?.published_at) {
          const at = new Date(
            typeof after.published_at === 'string' && /^\d+$/.test(after.published_at)
              ? Number(after.published_at)
              : after.published_at,
          );
          ids.where((where) =>
            where
              .where('a.published_at', '<', at)
              .orWhere((same) => same.where('a.published_at', at).where('a.id', '<', afterId)),
          );
        } else {
          ids.where('a.id', '<', afterId);
        }
      }
      const found = (await ids
        .orderBy([
          { column: 'a.published_at', order: 'desc' },
          { column: 'a.id', order: 'desc' },
        ])
        .limit(query.limit + 1)) as Array<{ id: number }>;
      const rows = await rowsByIds(found.map((row) => row.id));
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        data: page.map(summaryOf),
        meta: {
          pagination: {
            limit: query.limit,
            nextCursor: rows.length > query.limit && last ? cursors.encode(last.id) : null,
          },
        },
      };
    },

    /** One published article by slug, in `locale` or else English; 404 otherwise. */
    async findBySlug(slug: string, locale: string): Promise<Article> {
      const found = (await visible(locale).where('a.slug', slug).select('a.id').first()) as
        | { id: number }
        | undefined;
      const [row] = found ? await rowsByIds([found.id]) : [];
      if (!row) throw new NotFound(`No published article "${slug}"`);
      return { ...summaryOf(row), body: blocksToHtml(row.body) };
    },
  };
};
