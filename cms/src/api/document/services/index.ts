import { serviceGetter } from '../../../lib/services';
import documentFiles from './document-files';
import documentRemoval from './document-removal';
import documentUploads from './document-uploads';
import documents from './documents';
import localTransfer from './local-transfer';

const services = {
  documents,
  'document-uploads': documentUploads,
  'document-removal': documentRemoval,
  'document-files': documentFiles,
  'local-transfer': localTransfer,
};
export default services;

/** Typed access to the document domain's services. */
export const getDocumentService = serviceGetter<typeof services>('document');
