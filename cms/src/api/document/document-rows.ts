import type { Core } from '@strapi/strapi';
import { NotFound } from '../../lib/errors';
import type { DocumentRow } from './document-view';

export const DOCUMENT_UID = 'api::document.document';

/**
 * An owner's document row in `status`; another owner's, or one in the other status, is
 * never found (404, never 403).
 */
export async function findOwnedDocument(
  strapi: Core.Strapi,
  ownerId: number,
  documentId: string,
  status: DocumentRow['status'] = 'ready',
): Promise<DocumentRow> {
  const row = (await strapi.db
    .query(DOCUMENT_UID)
    .findOne({ where: { documentId, ownerId, status } })) as DocumentRow | null;
  if (!row) throw new NotFound(status === 'ready' ? 'Document not found' : 'Upload not found');
  return row;
}
