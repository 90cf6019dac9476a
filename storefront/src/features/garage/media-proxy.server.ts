import { CMS_URL } from 'astro:env/server';
import { logEvent } from '../../lib/log';

const IMAGE_TYPES = /^image\/(jpeg|png|webp|avif|gif)$/;
const SAFE_PATH = /^[\w-]+(\.[\w-]+)*\.(jpe?g|png|webp|avif|gif)$/i;

/**
 * Serves one file of the CMS's public upload folder (vehicle and model pictures), so pages
 * load pictures from the portal's own origin, as the CSP requires. Only image files with a
 * plain name are passed on; anything else is a 404.
 */
export async function uploadedImage(fileName: string | undefined, requestId: string) {
  const notFound = () => new Response('Not found', { status: 404 });
  if (!fileName || !SAFE_PATH.test(fileName)) return notFound();
  try {
    const upstream = await fetch(new URL(`/uploads/${fileName}`, CMS_URL), {
      headers: { 'X-Request-Id': requestId },
      signal: AbortSignal.timeout(5000),
    });
    const type = upstream.headers.get('content-type') ?? '';
    if (!upstream.ok || !IMAGE_TYPES.test(type)) return notFound();
    return new Response(upstream.body, {
      headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' },
    });
  } catch (error) {
    logEvent('warn', 'upload proxy failed', { requestId, reason: String(error) });
    return new Response('Bad gateway', { status: 502 });
  }
}
