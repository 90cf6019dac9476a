import type { Core } from '@strapi/strapi';
import { clearable } from '../../../lib/documents';
import { publishDomainEvent } from '../../../lib/domain-events';
import { loadEnv } from '../../../lib/env';
import { InvalidField } from '../../../lib/errors';
import { createCursorCodec, toPage, type Page, type PageQuery } from '../../../lib/pagination';
import { serviceGetter } from '../../../lib/services';
import type { DownloadLink } from '../../../lib/storage';
import { getServiceRecordService } from '../../service-record/services';
import { getVehicleService } from '../../vehicle/services';
import type { DocumentChangeInput, DocumentKind } from '../document-input';
import { DOCUMENT_UID, findOwnedDocument } from '../document-rows';
import { presentDocument, type DocumentRow, type DocumentView } from '../document-view';
import { dispositionOf } from '../rules/file-kind';
import type documentFiles from './document-files';
import type documentRemoval from './document-removal';

const sibling = serviceGetter<{
  'document-files': typeof documentFiles;
  'document-removal': typeof documentRemoval;
}>('document');

export interface DocumentFilter {
  vehicle?: string;
  kind?: DocumentKind;
  /** Only documents that expire on or before this day (YYYY-MM-DD). */
  expiringBefore?: string;
  /** Only the documents attached to this service record (its receipts). */
  serviceRecord?: string;
}

/** An owner's finished documents: list, read, change, delete, download; others' are 404. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cursors = createCursorCodec(`documents:${loadEnv().appKeys[0]}`);
  const files = () => sibling(strapi, 'document-files').store();

  return {
    async list(
      ownerId: number,
      filter: DocumentFilter,
      page: PageQuery,
    ): Promise<Page<DocumentView>> {
      const afterId = page.cursor ? cursors.decode(page.cursor) : null;
      const where: Record<string, unknown> = { ownerId, status: 'ready' };
      if (filter.vehicle) where.vehicle = filter.vehicle;
      if (filter.kind) where.kind = filter.kind;
      if (filter.serviceRecord) {
        await getServiceRecordService(strapi, 'records').ownedRow(ownerId, filter.serviceRecord);
        where.serviceRecord = filter.serviceRecord;
      }
      if (filter.expiringBefore) where.expiresOn = { $lte: filter.expiringBefore };
      if (afterId !== null) where.id = { $lt: afterId };
      const rows = (await strapi.db.query(DOCUMENT_UID).findMany({
        where,
        orderBy: { id: 'desc' },
        limit: page.limit + 1,
      })) as DocumentRow[];
      return toPage(rows, page.limit, (id) => cursors.encode(id), presentDocument);
    },

    async findOne(ownerId: number, documentId: string): Promise<DocumentView> {
      return presentDocument(await findOwnedDocument(strapi, ownerId, documentId));
    },

    async update(
      ownerId: number,
      documentId: string,
      change: DocumentChangeInput,
    ): Promise<DocumentView> {
      const row = await findOwnedDocument(strapi, ownerId, documentId);
      if (change.vehicle)
        await getVehicleService(strapi, 'vehicles').ownedRow(ownerId, change.vehicle);
      if (change.serviceRecord)
        await getServiceRecordService(strapi, 'records').ownedRow(ownerId, change.serviceRecord);
      const issuedOn = change.issuedOn === undefined ? row.issuedOn : change.issuedOn;
      const expiresOn = change.expiresOn === undefined ? row.expiresOn : change.expiresOn;
      if (issuedOn && expiresOn && String(expiresOn) < String(issuedOn)) {
        throw new InvalidField('expiresOn', 'must not be before issuedOn');
      }
      return strapi.db.transaction(async () => {
        const updated = (await strapi.documents(DOCUMENT_UID).update({
          documentId,
          data: clearable(DOCUMENT_UID, change),
        })) as unknown as DocumentRow;
        const view = presentDocument({ ...row, ...updated });
        await publishDomainEvent(strapi, 'document.saved', {
          ownerId,
          vehicleId: view.vehicle,
          documentId,
          kind: view.kind ?? 'other',
          expiresOn: view.expiresOn,
        });
        return view;
      });
    },

    async remove(ownerId: number, documentId: string): Promise<void> {
      const row = await findOwnedDocument(strapi, ownerId, documentId);
      await sibling(strapi, 'document-removal').remove([row]);
    },

    /** A short-lived link to the file, for its owner only. */
    async download(ownerId: number, documentId: string): Promise<DownloadLink> {
      const row = await findOwnedDocument(strapi, ownerId, documentId);
      return files().downloadLink({
        key: row.storageKey,
        contentType: row.mime,
        fileName: row.fileName,
        disposition: dispositionOf(row.mime),
      });
    },

    /**
     * A deleted service record's receipts stay in the vault (they are the owner's papers),
     * no longer attached to it.
     */
    async detachFromServiceRecord(ownerId: number, serviceRecordId: string): Promise<void> {
      await strapi.db.query(DOCUMENT_UID).updateMany({
        where: { ownerId, serviceRecord: serviceRecordId },
        data: { serviceRecord: null },
      });
    },

    /** Every document of a vehicle (pending uploads included), with their files. */
    async removeForVehicle(ownerId: number, vehicleId: string): Promise<void> {
      const rows = (await strapi.db
        .query(DOCUMENT_UID)
        .findMany({ where: { ownerId, vehicle: vehicleId } })) as DocumentRow[];
      await sibling(strapi, 'document-removal').remove(rows);
    },
  };
};
