import type { Core } from '@strapi/strapi';
import { publishDomainEvent } from '../../../lib/domain-events';
import { DOCUMENT_UID } from '../document-rows';
import type { DocumentRow } from '../document-view';
import type documentFiles from './document-files';
import { serviceGetter } from '../../../lib/services';

const sibling = serviceGetter<{ 'document-files': typeof documentFiles }>('document');

/** The objects a row may have: the finished file, and an upload not yet moved. */
const keysOf = (row: DocumentRow) =>
  [row.storageKey, row.uploadKey].filter((key): key is string => Boolean(key));

/**
 * Deletes document rows and, once the deletion has committed, their files: removing a file
 * cannot be rolled back, so a deletion that fails leaves the files where they were. Runs in
 * the caller's transaction when there is one (a vehicle's deletion), else in its own.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async remove(rows: DocumentRow[]): Promise<void> {
    if (rows.length === 0) return;
    const files = sibling(strapi, 'document-files').store();
    await strapi.db.transaction(async ({ onCommit }) => {
      for (const row of rows) {
        await strapi.documents(DOCUMENT_UID).delete({ documentId: row.documentId });
        if (row.status === 'ready') {
          await publishDomainEvent(strapi, 'document.deleted', {
            ownerId: row.ownerId,
            documentId: row.documentId,
          });
        }
      }
      onCommit(() => {
        void Promise.all(
          rows.flatMap(keysOf).map((key) =>
            files.remove(key).catch((error: Error) =>
              strapi.log.warn('file of a deleted document not removed', {
                key,
                error: error.message,
              }),
            ),
          ),
        );
      });
    });
  },
});
