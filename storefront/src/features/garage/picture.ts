/** Where the portal serves pictures it fetches from the CMS's bucket. */
export const BUCKET_MEDIA_PREFIX = '/media/bucket';

/** Where the portal serves owners' private pictures it fetches from the CMS by signed link. */
export const PRIVATE_MEDIA_PREFIX = '/media/files';

/** A signed link's token, as the CMS's `/api/files/<token>` carries it (payload.signature). */
export const FILE_TOKEN = /^[\w-]+\.[\w-]+$/;
const PRIVATE_FILE_PATH = '/api/files/';

/**
 * Where the browser loads a vehicle picture from: always the portal's own origin, as its CSP
 * requires. Owners' photos on the embedded default are the CMS's signed links
 * (`/api/files/<token>`), served through `/media/files/<token>`; paths of the CMS's upload
 * folder (`/uploads/…`, catalog pictures) through `/media/uploads/…`; URLs of the bucket at
 * `mediaOrigin` (presigned on a private bucket) through `/media/bucket/…` with their query.
 * Anything else is not shown.
 */
export function pictureSrc(
  url: string | null | undefined,
  mediaOrigin?: string | undefined,
): string | undefined {
  if (!url) return undefined;
  if (url.startsWith(PRIVATE_FILE_PATH)) {
    const token = url.slice(PRIVATE_FILE_PATH.length);
    return FILE_TOKEN.test(token) ? `${PRIVATE_MEDIA_PREFIX}/${token}` : undefined;
  }
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
