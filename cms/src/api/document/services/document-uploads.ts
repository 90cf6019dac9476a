import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { formatBytes } from '../../../lib/body/body-limits';
import { clearable } from '../../../lib/documents';
import { publishDomainEvent } from '../../../lib/domain-events';
import { loadEnv } from '../../../lib/env';
import { InvalidField } from '../../../lib/errors';
import { getMetrics } from '../../../lib/infrastructure';
import { serviceGetter } from '../../../lib/services';
import type { UploadTarget } from '../../../lib/storage';
import { getServiceRecordService } from '../../service-record/services';
import { getVehicleService } from '../../vehicle/services';
import type { FinaliseInput, UploadRequestInput } from '../document-input';
import { DOCUMENT_UID, findOwnedDocument } from '../document-rows';
import { presentDocument, type DocumentRow, type DocumentView } from '../document-view';
import {
  ALLOWED_TYPES_TEXT,
  DOCUMENT_TYPE_NAMES,
  judgeFileType,
  storedFileName,
  type DocumentType,
} from '../rules/file-kind';
import type documentFiles from './document-files';
import type documentRemoval from './document-removal';

// file-type 16 is CommonJS; its `fromBuffer` reads at most this many bytes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FileType = require('file-type') as {
  fromBuffer(buffer: Buffer): Promise<{ ext: string; mime: string } | undefined>;
};
const SNIFF_BYTES = 4100;

const sibling = serviceGetter<{
  'document-files': typeof documentFiles;
  'document-removal': typeof documentRemoval;
}>('document');

export type PresignedUpload = UploadTarget & { uploadId: string; maxBytes: number };

type Refusal = 'type' | 'mismatch' | 'size' | 'missing';

/**
 * Presign → PUT → finalise. The presign makes a pending row and a target bound to the type
 * and length declared; finalising moves the object out of the target's reach, sniffs it and
 * either makes the row a document or deletes both.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const env = loadEnv();
  const files = () => sibling(strapi, 'document-files').store();
  const metrics = () => getMetrics(strapi);
  const ownVehicle = async (ownerId: number, vehicle: string | null | undefined) => {
    if (vehicle) await getVehicleService(strapi, 'vehicles').ownedRow(ownerId, vehicle);
  };

  /** Deletes the upload's object and row, counts the refusal and answers why, naming the file. */
  async function refuse(row: DocumentRow, rule: Refusal, message: string): Promise<never> {
    await files().remove(row.storageKey);
    await strapi.documents(DOCUMENT_UID).delete({ documentId: row.documentId });
    metrics().countUpload('refused', rule);
    throw new InvalidField('uploadId', message, {
      rule,
      message,
      details: { file: row.fileName },
    });
  }

  /** Where the upload's bytes are now: moved to the stored key, or nowhere yet. */
  async function takeUpload(row: DocumentRow) {
    if (row.uploadKey && (await files().stat(row.uploadKey))) {
      await files().move(row.uploadKey, row.storageKey);
    }
    return files().stat(row.storageKey);
  }

  return {
    async presign(ownerId: number, input: UploadRequestInput): Promise<PresignedUpload> {
      const maxBytes = env.DOCUMENT_MAX_BYTES;
      if (input.size > maxBytes) {
        throw new InvalidField('size', `must be at most ${formatBytes(maxBytes)}`, {
          rule: 'size',
          details: { maxBytes },
        });
      }
      await ownVehicle(ownerId, input.vehicle);
      const id = randomUUID();
      const row = (await strapi.documents(DOCUMENT_UID).create({
        data: clearable(DOCUMENT_UID, {
          ownerId,
          status: 'pending',
          vehicle: input.vehicle ?? null,
          kind: input.kind ?? null,
          uploadKey: `uploads/${id}`,
          storageKey: `documents/${ownerId}/${id}`,
          fileName: input.fileName.slice(0, 200),
          mime: input.contentType,
          size: input.size,
        }),
      })) as unknown as DocumentRow;
      const target = await files().uploadTarget({
        key: row.uploadKey!,
        contentType: input.contentType,
        size: input.size,
        localPath: `/api/documents/uploads/${row.documentId}`,
      });
      return { uploadId: row.documentId, ...target, maxBytes };
    },

    async finalise(ownerId: number, input: FinaliseInput): Promise<DocumentView> {
      const row = await findOwnedDocument(strapi, ownerId, input.uploadId, 'pending');
      await ownVehicle(ownerId, input.vehicle);
      if (input.serviceRecord)
        await getServiceRecordService(strapi, 'records').ownedRow(ownerId, input.serviceRecord);
      const name = row.fileName;
      const stored = await takeUpload(row);
      if (!stored) {
        metrics().countUpload('refused', 'missing');
        throw new InvalidField('uploadId', `nothing has been uploaded for ${name} yet`, {
          rule: 'missing',
          details: { file: name },
        });
      }
      if (stored.size > env.DOCUMENT_MAX_BYTES || stored.size !== Number(row.size)) {
        return refuse(
          row,
          'size',
          `${name} is ${stored.size} bytes, not the ${row.size} declared (at most ${formatBytes(env.DOCUMENT_MAX_BYTES)}); it was deleted`,
        );
      }
      const declared = row.mime as DocumentType;
      const claimedByUpload = stored.contentType?.split(';')[0].trim().toLowerCase();
      if (claimedByUpload && claimedByUpload !== declared) {
        return refuse(
          row,
          'mismatch',
          `${name} was uploaded as ${claimedByUpload}, not the ${declared} declared; it was deleted`,
        );
      }
      const sniffed = await FileType.fromBuffer(
        await files().readStart(row.storageKey, SNIFF_BYTES),
      );
      const judged = judgeFileType(sniffed?.mime ?? null, declared);
      if (judged.verdict === 'type') {
        return refuse(row, 'type', `${name} is not ${ALLOWED_TYPES_TEXT}; it was deleted`);
      }
      if (judged.verdict === 'mismatch') {
        return refuse(
          row,
          'mismatch',
          `${name} is a ${DOCUMENT_TYPE_NAMES[judged.type].name}, not the ${DOCUMENT_TYPE_NAMES[declared].name} it was declared as; it was deleted`,
        );
      }
      const sha256 = await files().sha256(row.storageKey);
      const saved = await strapi.db.transaction(async () => {
        const updated = (await strapi.documents(DOCUMENT_UID).update({
          documentId: row.documentId,
          data: clearable(DOCUMENT_UID, {
            status: 'ready',
            uploadKey: null,
            mime: judged.type,
            fileName: storedFileName(name, judged.type),
            size: stored.size,
            sha256,
            kind: input.kind,
            vehicle: input.vehicle ?? null,
            serviceRecord: input.serviceRecord ?? null,
            number: input.number ?? null,
            issuedOn: input.issuedOn ?? null,
            expiresOn: input.expiresOn ?? null,
            title: input.title ?? null,
            notes: input.notes ?? null,
          }),
        })) as unknown as DocumentRow;
        const view = presentDocument({ ...row, ...updated });
        await publishDomainEvent(strapi, 'document.saved', {
          ownerId,
          vehicleId: view.vehicle,
          documentId: view.id,
          kind: input.kind,
          expiresOn: view.expiresOn,
        });
        return view;
      });
      metrics().countUpload('accepted', 'ok');
      return saved;
    },

    /**
     * Removes uploads presigned but never finalised within DOCUMENT_UPLOAD_TTL_HOURS, rows and
     * objects; the sweep job's body. Returns how many went.
     */
    async sweep(now = Date.now()): Promise<number> {
      const before = new Date(now - env.DOCUMENT_UPLOAD_TTL_HOURS * 3600 * 1000);
      const stale = (await strapi.db.query(DOCUMENT_UID).findMany({
        where: { status: 'pending', createdAt: { $lt: before } },
        limit: 500,
      })) as DocumentRow[];
      await sibling(strapi, 'document-removal').remove(stale);
      return stale.length;
    },
  };
};
