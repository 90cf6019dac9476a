import type { APIRoute } from 'astro';
import { uploadedImage } from '~/features/garage/media-proxy.server';

/** A picture from the CMS's upload folder, served from the portal's origin. */
export const GET: APIRoute = ({ params, locals }) => uploadedImage(params.file, locals.requestId);
