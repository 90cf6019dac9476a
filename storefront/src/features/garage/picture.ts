/** Where the portal serves pictures it fetches from the CMS's bucket. */
export const BUCKET_MEDIA_PREFIX = '/media/bucket';

/**
 * Where the browser loads a vehicle picture from: always the portal's own origin, as its CSP
 * requires. Paths of the CMS's upload folder (`/uploads/…`) go through `/media/uploads/…`;
 * URLs of the bucket at `mediaOrigin` (signed on a private bucket) through `/media/bucket/…`
 * with their query. Anything else is not shown.
 */
export function pictureSrc(
  url: string | null | undefined,
  mediaOrigin?: string | undefined,
): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('/uploads/')) return `/media${url}`;
  if (!mediaOrigin) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(mediaOrigin).origin) return undefined;
  return `${BUCKET_MEDIA_PREFIX}${parsed.pathname}${parsed.search}`;
}
