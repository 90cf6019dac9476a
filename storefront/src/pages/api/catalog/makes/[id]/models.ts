import type { APIRoute } from 'astro';
import { modelsOfMakeAnswer } from '~/features/garage/catalog-proxy.server';

/** The models of one make, for the add/edit vehicle form. */
export const GET: APIRoute = (context) => modelsOfMakeAnswer(context);
