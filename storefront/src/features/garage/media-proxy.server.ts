import { CMS_URL, MEDIA_ORIGIN } from 'astro:env/server';
import { logEvent } from '~/lib/log';

const IMAGE_TYPES = /^image\/(jpeg|png|webp|avif|gif)$/;
const SAFE_NAME = /^[\w-]+(\.[\w-]+)*\.(jpe?g|png|webp|avif|gif)$/i;
const SAFE_FOLDER = /^[\w-]+(\.[\w-]+)*$/;

const notFound = () => new Response('Not found', { status: 404 });

/** Streams an image from upstream, or 404 when it is missing or not an image. */
async function proxiedImage(upstreamUrl: URL, requestId: string, cacheControl: string) {
  try {
    const upstream = await fetch(upstreamUrl, {
      headers: { 'X-Request-Id': requestId },
      signal: AbortSignal.timeout(5000),
    });
    const type = upstream.headers.get('content-type') ?? '';
    if (!upstream.ok || !IMAGE_TYPES.test(type)) return notFound();
    return new Response(upstream.body, {
      headers: { 'Content-Type': type, 'Cache-Control': cacheControl },
    });
  } catch (error) {
    logEvent('warn', 'media proxy failed', { requestId, reason: String(error) });
    return new Response('Bad gateway', { status: 502 });
  }
}

/**
 * Serves one file of the CMS's public upload folder (vehicle and model pictures), so pages
 * load pictures from the portal's own origin, as the CSP requires. Only image files with a
 * plain name are passed on; anything else is a 404.
 */
export function uploadedImage(fileName: string | undefined, requestId: string) {
  if (!fileName || !SAFE_NAME.test(fileName)) return Promise.resolve(notFound());
  return proxiedImage(new URL(`/uploads/${fileName}`, CMS_URL), requestId, 'public, max-age=86400');
}

/**
 * Serves one picture of the CMS's bucket (MEDIA_ORIGIN) by the URL the CMS signed for it: the
 * key (bucket and object, plain names only) and the signature's query pass through unchanged,
 * so S3 still decides whether the URL is valid. Not for shared caches: these are owners' photos.
 */
export function bucketImage(key: string | undefined, search: string, requestId: string) {
  const segments = key?.split('/') ?? [];
  const name = segments.at(-1);
  const plain =
    segments.length >= 2 &&
    name !== undefined &&
    SAFE_NAME.test(name) &&
    segments.slice(0, -1).every((segment) => SAFE_FOLDER.test(segment));
  if (!MEDIA_ORIGIN || !plain) return Promise.resolve(notFound());
  const upstreamUrl = new URL(`/${segments.join('/')}${search}`, MEDIA_ORIGIN);
  return proxiedImage(upstreamUrl, requestId, 'private, max-age=300');
}
