import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../lib/errors';
import { NEWS_UID, RECALL_UID } from './news-uids';
import { recallProblems, tagProblems, type Problem } from './rules/content-rules';

const CHECKED_WRITES = new Set(['create', 'update']);

interface SavedRecall {
  yearFrom: number | null;
  yearTo: number | null;
  sourceUrl: string | null;
  tags: unknown;
  make?: { documentId: string } | null;
  model?: { documentId: string; make?: { documentId: string } | null } | null;
}

const refuse = (problems: Problem[]) => {
  const [first] = problems;
  if (first) throw new InvalidField(first.field, first.message);
};

/**
 * Checks of news and recalls on every write (admin panel, import, seed), and the recall
 * notices on publish. A create or update runs with its check in one transaction: the check
 * reads the saved row (relations as saved, whatever form the request gave them) and a
 * refusal undoes the write. A publish of a recall starts the owners' notices once it has
 * committed.
 */
export function registerNewsWrites(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === RECALL_UID && context.action === 'publish') {
      const result = await next();
      const documentId = (context.params as { documentId?: string }).documentId;
      if (documentId) {
        const start = () =>
          (strapi.service('api::news.recall-notices') as { start(id: string): void }).start(
            documentId,
          );
        if (strapi.db.inTransaction()) {
          await strapi.db.transaction(({ onCommit }) => onCommit(start));
        } else {
          start();
        }
      }
      return result;
    }
    if (
      (context.uid !== RECALL_UID && context.uid !== NEWS_UID) ||
      !CHECKED_WRITES.has(context.action)
    ) {
      return next();
    }
    return strapi.db.transaction(async () => {
      const result = await next();
      const id = (result as { id?: number } | null)?.id;
      if (!id) return result;
      if (context.uid === NEWS_UID) {
        const saved = (await strapi.db.query(NEWS_UID).findOne({ where: { id } })) as {
          tags: unknown;
        } | null;
        refuse(tagProblems(saved?.tags));
        return result;
      }
      const saved = (await strapi.db.query(RECALL_UID).findOne({
        where: { id },
        populate: { make: true, model: { populate: { make: true } } },
      })) as SavedRecall | null;
      if (saved) {
        refuse(
          recallProblems({
            yearFrom: saved.yearFrom,
            yearTo: saved.yearTo,
            sourceUrl: saved.sourceUrl,
            makeId: saved.make?.documentId ?? null,
            modelId: saved.model?.documentId ?? null,
            modelMakeId: saved.model?.make?.documentId ?? null,
            tags: saved.tags,
          }),
        );
      }
      return result;
    });
  });
}
