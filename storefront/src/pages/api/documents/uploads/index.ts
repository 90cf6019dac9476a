import type { APIRoute } from 'astro';
import { presignRoute } from '~/features/documents/document-routes.server';

/** The upload island asks here for where to send a document's bytes (JSON). */
export const POST: APIRoute = (context) => presignRoute(context);
