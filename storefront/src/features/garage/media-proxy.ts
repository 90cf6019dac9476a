import { logEvent } from '~/lib/log';
import { FILE_TOKEN } from './picture';

const IMAGE_TYPES = /^image\/(jpeg|png|webp|avif|gif)$/;
const SAFE_NAME = /^[\w-]+(\.[\w-]+)*\.(jpe?g|png|webp|avif|gif)$/i;
const SAFE_SEGMENT = /^[\w-]+(\.[\w-]+)*$/;

/** How long a browser keeps an owner's photo: theirs alone, and the link names one version. */
const PRIVATE_CACHE = 'private, max-age=300';

export interface MediaSources {
  /** The CMS, whose `/uploads/…` and `/api/files/<token>` the portal fetches. */
  cmsUrl: string;
  /** The bucket's origin, when pictures live in S3/MinIO. */
  mediaOrigin?: string | undefined;
  fetch?: typeof fetch;
}

const notFound = () => new Response('Not found', { status: 404 });

/**
 * The portal's picture routes: each fetches one image from the CMS or its bucket and serves it
 * from the portal's own origin, as the CSP requires. Only images pass: an upstream answer that
 * is not one, or is refused (an expired or forged link: 403), is a 404 here.
 */
export function createMediaProxy({ cmsUrl, mediaOrigin, fetch: send = fetch }: MediaSources) {
  async function proxiedImage(upstreamUrl: URL, requestId: string, cacheControl: string) {
    try {
      const upstream = await send(upstreamUrl, {
        headers: { 'X-Request-Id': requestId },
        signal: AbortSignal.timeout(5000),
      });
      const type = (upstream.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (!upstream.ok || !IMAGE_TYPES.test(type)) {
        await upstream.body?.cancel();
        return notFound();
      }
      return new Response(upstream.body, {
        headers: {
          'Content-Type': type,
          'Cache-Control': cacheControl,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (error) {
      logEvent('warn', 'media proxy failed', { requestId, reason: String(error) });
      return new Response('Bad gateway', { status: 502 });
    }
  }

  return {
    /**
     * One file of the CMS's public upload folder (catalog pictures). Only image files with a
     * plain name are passed on; anything else is a 404.
     */
    uploadedImage(fileName: string | undefined, requestId: string) {
      if (!fileName || !SAFE_NAME.test(fileName)) return Promise.resolve(notFound());
      return proxiedImage(
        new URL(`/uploads/${fileName}`, cmsUrl),
        requestId,
        'public, max-age=86400',
      );
    },

    /**
     * An owner's private photo on the embedded default, by the CMS's signed, expiring link
     * (`/api/files/<token>`): the token passes through unchanged, so the CMS still decides
     * whether it is valid. Not for shared caches.
     */
    privateImage(token: string | undefined, requestId: string) {
      if (!token || !FILE_TOKEN.test(token)) return Promise.resolve(notFound());
      return proxiedImage(new URL(`/api/files/${token}`, cmsUrl), requestId, PRIVATE_CACHE);
    },

    /**
     * One picture of the CMS's bucket (`mediaOrigin`) by the URL the CMS presigned for it: the
     * key (plain segments only: owners' photos have no extension) and the signature's query
     * pass through unchanged, so S3 still decides whether the URL is valid. Not for shared
     * caches: these are owners' photos.
     */
    bucketImage(key: string | undefined, search: string, requestId: string) {
      const segments = key?.split('/') ?? [];
      const plain = segments.length >= 2 && segments.every((segment) => SAFE_SEGMENT.test(segment));
      if (!mediaOrigin || !plain) return Promise.resolve(notFound());
      const upstreamUrl = new URL(`/${segments.join('/')}${search}`, mediaOrigin);
      return proxiedImage(upstreamUrl, requestId, PRIVATE_CACHE);
    },
  };
}
