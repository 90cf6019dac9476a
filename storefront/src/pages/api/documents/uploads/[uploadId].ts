import type { APIRoute } from 'astro';
import { uploadPutRoute } from '~/features/documents/document-routes.server';

/** An upload's bytes on the embedded default, streamed on to the CMS. */
export const PUT: APIRoute = (context) => uploadPutRoute(context);
