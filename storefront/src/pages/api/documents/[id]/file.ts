import type { APIRoute } from 'astro';
import { documentFileRoute } from '~/features/documents/document-routes.server';

/** The owner's document file (preview, or `?download=1`), streamed from the private store. */
export const GET: APIRoute = (context) => documentFileRoute(context);
