import { CMS_URL } from 'astro:env/server';
import { cmsApi } from '~/lib/cms';
import { createDocumentApi } from './document-api';
import { createDocumentTransfer } from './document-transfer';
import { createDocumentUploads } from './document-uploads';

/** The CMS's owner-scoped document routes, bound to the configured CMS. */
export const documentApi = createDocumentApi(cmsApi);

/** The documents' bytes between the browser and the CMS, through the portal. */
export const documentTransfer = createDocumentTransfer({ cmsUrl: CMS_URL });

/** The vault's upload (with and without JavaScript). */
export const documentUploads = createDocumentUploads(documentApi, documentTransfer);
