import { ownerRoutes } from '../../identity/auth/owner-routes';
import { documentChangeInput, finaliseInput, uploadRequestInput } from '../document-input';

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
      { method: 'GET', path: '/documents', handler: 'documents.list' },
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
    },
    { method: 'GET', path: '/files/:token', handler: 'files.read', config: { auth: false } },
  ],
};
