import type { Core } from '@strapi/strapi';
import { contentDigest } from '../../../lib/cache/digest';
import { keptInProcess } from '../../../lib/cache/kept-in-process';
import { DOCUMENT_WRITES } from '../../../lib/documents';
import { FALLBACK_LOCALE, RECALL_UID, tagsOf, type RecallSeverity } from '../news-uids';
import type { RecallTarget } from '../rules/recall-match';

/** How long an instance keeps the published recalls when another instance may write them. */
export const PUBLISHED_RECALLS_TTL_MS = 10_000;
const generations = new WeakMap<Core.Strapi, number>();

/**
 * Every write of a recall in this process (admin panel, import, seed) drops the published
 * recalls this instance keeps, once the write commits; another instance's write reaches
 * this one within PUBLISHED_RECALLS_TTL_MS.
 */
export function forgetPublishedRecallsOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === RECALL_UID && DOCUMENT_WRITES.has(context.action)) {
      const forget = () => generations.set(strapi, (generations.get(strapi) ?? 0) + 1);
      forget();
      // Inside a transaction, again after it commits: a read in between kept the old rows.
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(({ onCommit }) => onCommit(forget));
      }
    }
    return result;
  });
}

interface RecallRow {
  id: number;
  documentId: string;
  locale: string;
  campaignId: string;
  title: string;
  summary: string | null;
  remedy: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  severity: RecallSeverity;
  sourceUrl: string | null;
  tags: unknown;
  publishedAt: string | Date;
  make?: { documentId: string } | null;
  model?: { documentId: string } | null;
}

/** A published recall in one language (its texts fall back to English), with its target. */
export interface PublishedRecall extends RecallTarget {
  id: string;
  locale: string;
  campaignId: string;
  title: string;
  summary: string | null;
  remedy: string | null;
  severity: RecallSeverity;
  sourceUrl: string | null;
  tags: string[];
  publishedAt: string;
}

/**
 * Published recalls read per language. The target (make, model, years: not translated) is
 * the English row's when it is published, else the row's own; the texts are the asked
 * language's, else English.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function rows(
    where: Record<string, unknown>,
    locales: string[],
    published = true,
  ): Promise<RecallRow[]> {
    return (await strapi.db.query(RECALL_UID).findMany({
      where: {
        ...where,
        ...(published ? { publishedAt: { $notNull: true } } : {}),
        locale: { $in: locales },
      },
      populate: { make: { select: ['documentId'] }, model: { select: ['documentId'] } },
    })) as RecallRow[];
  }

  function combine(all: RecallRow[], locale: string): PublishedRecall[] {
    const byDocument = new Map<string, { own?: RecallRow; fallback?: RecallRow }>();
    for (const row of all) {
      const entry = byDocument.get(row.documentId) ?? {};
      if (row.locale === locale) entry.own = row;
      if (row.locale === FALLBACK_LOCALE) entry.fallback = row;
      byDocument.set(row.documentId, entry);
    }
    return [...byDocument.values()].flatMap(({ own, fallback }) => {
      const text = own ?? fallback;
      const target = fallback ?? own;
      if (!text || !target) return [];
      return [
        {
          id: text.documentId,
          locale: text.locale,
          campaignId: target.campaignId,
          title: text.title,
          summary: text.summary ?? null,
          remedy: text.remedy ?? null,
          severity: target.severity,
          sourceUrl: target.sourceUrl ?? null,
          tags: tagsOf(target.tags),
          publishedAt: new Date(text.publishedAt).toISOString(),
          makeId: target.make?.documentId ?? null,
          modelId: target.model?.documentId ?? null,
          yearFrom: target.yearFrom ?? null,
          yearTo: target.yearTo ?? null,
        },
      ];
    });
  }

  const localesFor = (locale: string) => [...new Set([locale, FALLBACK_LOCALE])];

  // Every published recall per locale: each owner's recalls page and garage page matches
  // their vehicles against all of them, and they change only when an editor writes one.
  const allPublished = keptInProcess(
    (locale) => rows({}, localesFor(locale)).then((found) => combine(found, locale)),
    { ttlMs: PUBLISHED_RECALLS_TTL_MS, generation: () => generations.get(strapi) ?? 0 },
  );

  return {
    /**
     * A digest of the published recalls in `locale` as this instance reads them: it moves
     * when any of them changes (a garage kept by a client is checked against it).
     */
    async fingerprint(locale: string): Promise<string> {
      return contentDigest(await allPublished(locale));
    },

    /** The published recalls of these makes (catalog document ids), in `locale`. */
    async ofMakes(makeIds: string[], locale: string): Promise<PublishedRecall[]> {
      if (makeIds.length === 0) return [];
      return (await allPublished(locale)).filter(
        (recall) => recall.makeId !== null && makeIds.includes(recall.makeId),
      );
    },

    /** One published recall in `locale`, or null. */
    async one(documentId: string, locale: string): Promise<PublishedRecall | null> {
      const [recall] = combine(await rows({ documentId }, localesFor(locale)), locale);
      return recall ?? null;
    },

    /**
     * A published recall for notices, keyed by locale: the target is the published one's;
     * each language's texts are its published version, else its draft (a translation saved
     * but published a moment later still reaches its readers in their language).
     */
    async everyLocale(documentId: string): Promise<Map<string, PublishedRecall>> {
      const all = await rows({ documentId }, await localeCodes(strapi), false);
      const published = all.filter((row) => row.publishedAt);
      const [target] = combine(published, FALLBACK_LOCALE);
      if (!target) return new Map();
      const texts = new Map<string, RecallRow>();
      for (const row of [...all].sort((a, b) => Number(!a.publishedAt) - Number(!b.publishedAt))) {
        if (!texts.has(row.locale)) texts.set(row.locale, row);
      }
      return new Map(
        [...texts].map(([locale, row]) => [
          locale,
          {
            ...target,
            locale,
            title: row.title,
            summary: row.summary ?? null,
            remedy: row.remedy ?? null,
          },
        ]),
      );
    },
  };
};

async function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{
    code: string;
  }>;
  return locales.map((locale) => locale.code);
}
