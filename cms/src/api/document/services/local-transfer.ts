import { PassThrough, pipeline, type Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import createHttpError from 'http-errors';
import { NotFound } from '../../../lib/errors';
import { serviceGetter } from '../../../lib/services';
import { asLocalFiles, contentDisposition, UploadBodyRefused } from '../../../lib/storage';
import { DOCUMENT_UID } from '../document-rows';
import type documentFiles from './document-files';

const sibling = serviceGetter<{ 'document-files': typeof documentFiles }>('document');

// The refusals S3 itself would answer for a presigned URL (403, 411, 413, 415); the app's
// error model has no such statuses because only these two routes, standing in for S3, need them.
const refused = (status: number, message: string) => createHttpError(status, message);

export interface UploadHeaders {
  contentType: string;
  contentLength: string;
}

export interface FileResponse {
  headers: Record<string, string>;
  body: Readable;
}

/**
 * The local store's two HTTP ends, standing in for S3 on the embedded default: an upload's
 * bytes (`PUT /api/documents/uploads/:uploadId?token=`) and a download
 * (`GET /api/files/:token`). Both are allowed by the signed capability alone, like a presigned URL.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const local = () => {
    const files = asLocalFiles(sibling(strapi, 'document-files').store());
    // With S3 configured, uploads and downloads go to the bucket, never through here.
    if (!files) throw new NotFound('Not found');
    return files;
  };

  const capability = (token: string, op: 'put' | 'get') => {
    const check = local().checkToken(token);
    if (!check.ok) {
      throw refused(
        403,
        check.reason === 'expired' ? 'This link has expired' : 'This link is not valid',
      );
    }
    if (check.capability.op !== op) throw refused(403, 'This link is not valid');
    return check.capability;
  };

  return {
    async receive(uploadId: string, token: string, headers: UploadHeaders, body: Readable) {
      const allowed = capability(token, 'put');
      if (allowed.op !== 'put') throw refused(403, 'This link is not valid');
      const pending = await strapi.db.query(DOCUMENT_UID).findOne({
        where: { documentId: uploadId, status: 'pending', uploadKey: allowed.key },
        select: ['id'],
      });
      if (!pending) throw new NotFound('Upload not found');
      const type = headers.contentType.split(';')[0].trim().toLowerCase();
      if (type !== allowed.contentType) {
        throw refused(415, `This upload link takes Content-Type ${allowed.contentType} only`);
      }
      if (!/^\d+$/.test(headers.contentLength)) {
        throw refused(411, 'The upload must declare its Content-Length');
      }
      const length = Number(headers.contentLength);
      if (length > allowed.size) {
        throw refused(413, `This upload link takes exactly ${allowed.size} bytes, not ${length}`);
      }
      if (length !== allowed.size) {
        throw refused(400, `This upload link takes exactly ${allowed.size} bytes, not ${length}`);
      }
      try {
        await local().receive(allowed.key, body, allowed.size);
      } catch (error) {
        if (error instanceof UploadBodyRefused) throw refused(400, error.message);
        throw error;
      }
    },

    async read(token: string): Promise<FileResponse> {
      const allowed = capability(token, 'get');
      if (allowed.op !== 'get') throw refused(403, 'This link is not valid');
      const stored = await local().stat(allowed.key);
      if (!stored) throw new NotFound('File not found');
      return {
        headers: {
          'Content-Type': allowed.contentType,
          'Content-Length': String(stored.size),
          'Content-Disposition': contentDisposition(allowed.disposition, allowed.fileName),
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
        },
        // Not the bare file stream: global::static-file-policy serves any file stream outside
        // its inline types as a nameless octet-stream download; these headers already say
        // exactly how this file may be shown (attachment unless an image, nosniff, sandbox).
        body: pipeline(local().reader(allowed.key), new PassThrough(), () => undefined),
      };
    },
  };
};
