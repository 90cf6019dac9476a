import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { loadEnv } from '../../../lib/env';
import { NotFound } from '../../../lib/errors';
import type { Page } from '../../../lib/pagination';
import type { CenterSummary } from '../center-data';
import { createCenterCursorCodec } from '../center-cursor';
import { SAVES_TABLE, SEARCH_TABLE } from '../storage';
import type search from './search';

export type SavedCenter = CenterSummary & { savedAt: string };

interface SaveRow {
  id: number | string;
  document_id: string;
  saved_at: number | string;
}

const notFoundCenter = () => new NotFound('center: no published service center has this id');

/**
 * Centers an owner saved, newest first. Only published centers are listed: an unpublished
 * center drops out of the list (and comes back when published again); a deleted one takes
 * its saves with it (search-sync.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const centers = () => strapi.service('api::service-center.search') as ReturnType<typeof search>;
  const cursors = createCenterCursorCodec(`saved-centers:${loadEnv().appKeys[0]}`);
  const savedAt = (row: SaveRow) => new Date(Number(row.saved_at)).toISOString();

  async function one(ownerId: number, documentId: string, locale: string): Promise<SavedCenter> {
    const row = (await knex()(SAVES_TABLE)
      .where({ owner_id: ownerId, document_id: documentId })
      .first('id', 'document_id', 'saved_at')) as SaveRow;
    const summary = (await centers().summaries([documentId], locale)).get(documentId);
    if (!summary) throw notFoundCenter();
    return { ...summary, savedAt: savedAt(row) };
  }

  return {
    async list(
      ownerId: number,
      page: { limit: number; cursor?: string },
      locale: string,
    ): Promise<Page<SavedCenter>> {
      const query = knex()(`${SAVES_TABLE} as v`)
        .join(`${SEARCH_TABLE} as s`, (join) =>
          join.on('s.document_id', '=', 'v.document_id').andOnVal('s.locale', '=', locale),
        )
        .where('v.owner_id', ownerId)
        .select('v.id', 'v.document_id', 'v.saved_at');
      if (page.cursor) {
        const after = cursors.saved(page.cursor);
        query.andWhere((where) =>
          where
            .where('v.saved_at', '<', after.at)
            .orWhere((tie) => tie.where('v.saved_at', after.at).andWhere('v.id', '<', after.seq)),
        );
      }
      const rows = (await query
        .orderBy([
          { column: 'v.saved_at', order: 'desc' },
          { column: 'v.id', order: 'desc' },
        ])
        .limit(page.limit + 1)) as SaveRow[];
      const pageRows = rows.slice(0, page.limit);
      const summaries = await centers().summaries(
        pageRows.map((row) => row.document_id),
        locale,
      );
      const last = pageRows.at(-1);
      return {
        data: pageRows
          .filter((row) => summaries.has(row.document_id))
          .map((row) => ({
            ...(summaries.get(row.document_id) as CenterSummary),
            savedAt: savedAt(row),
          })),
        meta: {
          pagination: {
            limit: page.limit,
            nextCursor:
              rows.length > page.limit && last
                ? cursors.encode({ at: Number(last.saved_at), seq: Number(last.id) })
                : null,
          },
        },
      };
    },

    /** Saves a published center; `created` is false when it was saved already. */
    async save(
      ownerId: number,
      documentId: string,
      locale: string,
    ): Promise<{ center: SavedCenter; created: boolean }> {
      if (!(await centers().isPublished(documentId))) throw notFoundCenter();
      const inserted = (await knex()(SAVES_TABLE)
        .insert({ owner_id: ownerId, document_id: documentId, saved_at: Date.now() })
        .onConflict(['owner_id', 'document_id'])
        .ignore()
        .returning('id')) as unknown[];
      return { center: await one(ownerId, documentId, locale), created: inserted.length > 0 };
    },

    /** Unsaves a center; one the owner had not saved is a 404. */
    async unsave(ownerId: number, documentId: string): Promise<void> {
      const removed = await knex()(SAVES_TABLE)
        .where({ owner_id: ownerId, document_id: documentId })
        .delete();
      if (!removed) throw new NotFound('Saved center not found');
    },

    /** Drops every save of a deleted center. */
    async forgetCenter(documentId: string): Promise<void> {
      await knex()(SAVES_TABLE).where('document_id', documentId).delete();
    },
  };
};
