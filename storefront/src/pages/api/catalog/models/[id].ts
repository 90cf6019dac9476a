import type { APIRoute } from 'astro';
import { modelAnswer } from '~/features/garage/catalog-proxy.server';

/** One model with its trims, fuels and years, for the add/edit vehicle form. */
export const GET: APIRoute = (context) => modelAnswer(context);
