import type { APIRoute } from 'astro';
import { privateImage } from '~/features/garage/media-proxy.server';

/** An owner's private photo, by the CMS's signed link, served from the portal's origin. */
export const GET: APIRoute = ({ params, locals }) => privateImage(params.token, locals.requestId);
