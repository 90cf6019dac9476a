import type { APIRoute } from 'astro';
import { bucketImage } from '~/features/garage/media-proxy.server';

/** A picture from the CMS's bucket, by the URL the CMS signed, served from the portal's origin. */
export const GET: APIRoute = ({ params, url, locals }) =>
  bucketImage(params.key, url.search, locals.requestId);
