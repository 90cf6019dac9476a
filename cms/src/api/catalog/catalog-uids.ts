import { DOCUMENT_WRITES } from '../../lib/documents';
/** Every content type of the catalog has a uid starting with this. */
export const CATALOG_UID_PREFIX = 'api::catalog.';

/** The document actions that change what catalog reads return. */
export const CATALOG_WRITES = DOCUMENT_WRITES;
