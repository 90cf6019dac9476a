import { ownerRoutes } from '../../identity/auth/owner-routes';
import { PAGE_PARAMETERS } from '../../../lib/openapi';
import {
  DOCUMENT_KINDS,
  documentChangeInput,
  finaliseInput,
  uploadRequestInput,
} from '../document-input';

const LIST_QUERY = {
  ...PAGE_PARAMETERS,
  vehicle: {
    description: "Only this vehicle's documents (its id)",
    schema: { type: 'string', maxLength: 40 },
  },
  kind: { description: 'Only this kind', schema: { type: 'string', enum: [...DOCUMENT_KINDS] } },
  expiringBefore: {
    description: 'Only documents that expire on or before this day (YYYY-MM-DD)',
    schema: { type: 'string', format: 'date' },
  },
  serviceRecord: {
    description: 'Only the documents attached to this service record (its id): its receipts',
    schema: { type: 'string', maxLength: 40 },
  },
};

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
// The two routes after them stand in for S3 when files are kept in the private folder: the
// signed token in their URL is the permission (as a presigned URL's signature is), so they
// take no session.
export default {
  type: 'content-api',
  routes: [
    ...ownerRoutes([
      {
        method: 'POST',
        path: '/documents/uploads',
        handler: 'documents.presign',
        body: uploadRequestInput,
      },
      { method: 'POST', path: '/documents', handler: 'documents.finalise', body: finaliseInput },
      { method: 'GET', path: '/documents', handler: 'documents.list', query: LIST_QUERY },
      { method: 'GET', path: '/documents/:id', handler: 'documents.findOne' },
      {
        method: 'PUT',
        path: '/documents/:id',
        handler: 'documents.update',
        body: documentChangeInput,
      },
      { method: 'DELETE', path: '/documents/:id', handler: 'documents.delete' },
      { method: 'GET', path: '/documents/:id/download', handler: 'documents.download' },
    ]),
    {
      method: 'PUT',
      path: '/documents/uploads/:uploadId',
      handler: 'files.upload',
      config: { auth: false },
      query: {
        token: {
          description: 'The signed upload capability the presign answer put in `url`',
          schema: { type: 'string' },
          required: true,
        },
      },
      refusals: {
        403: 'The token is not valid for this upload, or has expired',
        411: 'No `Content-Length`',
        413: 'The body is longer than the length the upload was presigned for',
        415: 'The `Content-Type` is not the one the upload was presigned for',
      },
    },
    {
      method: 'GET',
      path: '/files/:token',
      handler: 'files.read',
      config: { auth: false },
      pathParameters: {
        token: {
          description: 'A signed, expiring download capability (from GET /documents/:id/download)',
          schema: { type: 'string' },
        },
      },
      refusals: { 403: 'The link is not valid or has expired' },
    },
  ],
};
