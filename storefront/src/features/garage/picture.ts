/**
 * Where the browser loads a vehicle picture from. The CMS answers paths of its own upload
 * folder (`/uploads/…`), which the portal serves through `/media/uploads/…` so that the
 * browser never needs the CMS's address; absolute URLs (a bucket) are used as they are.
 */
export function pictureSrc(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('/uploads/')) return `/media${url}`;
  return /^https:\/\//.test(url) ? url : undefined;
}
