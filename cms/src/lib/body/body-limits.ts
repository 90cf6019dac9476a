/**
 * How much of a request body the CMS reads, and of what type, by route. The global body
 * middleware runs before anyone is known (authentication runs later, in the router), so every
 * route gets small limits; files are read only on the upload routes, and only there by a route
 * middleware that runs after authentication and authorization (see middlewares/upload-body).
 */

export const KB = 1024;
export const MB = 1024 * KB;

export const JSON_LIMIT_BYTES = 1 * MB;
export const FORM_LIMIT_BYTES = 64 * KB;

export interface MultipartLimits {
  /** The whole body, as declared by Content-Length; refused before a byte is read. */
  maxBodyBytes: number;
  /** Form fields (not files): how many, and their bytes together. */
  maxFields: number;
  maxFieldsBytes: number;
  /** Files: the form field they must come in, how many, and the largest one. */
  fileField: string;
  maxFiles: number;
  maxFileBytes: number;
}

/** Room for part headers and boundaries on top of the files and fields themselves. */
const ENVELOPE_BYTES = 256 * KB;

const withEnvelope = (limits: Omit<MultipartLimits, 'maxBodyBytes'>): MultipartLimits => ({
  ...limits,
  maxBodyBytes: limits.maxFiles * limits.maxFileBytes + limits.maxFieldsBytes + ENVELOPE_BYTES,
});

/** Everything that is not an upload route: a few small fields, no files. */
export const FIELDS_ONLY: MultipartLimits = {
  maxBodyBytes: 128 * KB,
  maxFields: 50,
  maxFieldsBytes: 64 * KB,
  fileField: 'files',
  maxFiles: 0,
  maxFileBytes: 0,
};

/** `POST /api/vehicles/:id/photos`: the owner's photos (see api/vehicle/services/photos). */
export const PHOTO_UPLOAD = withEnvelope({
  maxFields: 20,
  maxFieldsBytes: 64 * KB,
  fileField: 'files',
  maxFiles: 5,
  maxFileBytes: 8 * MB,
});

/** The admin panel's media library (`POST /upload`, `/upload/files`, `/upload/files/:id/replace`). */
export const mediaLibraryUpload = (maxFileBytes: number) =>
  withEnvelope({
    maxFields: 100,
    maxFieldsBytes: 256 * KB,
    fileField: 'files',
    maxFiles: 10,
    maxFileBytes,
  });

/**
 * The path as the router will match it: percent-decoded, repeated and trailing slashes
 * folded, lower case (the router ignores case). A spelling that reaches a route must get
 * that route's limits, and no spelling may reach the upload limits from another route.
 */
export function routePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape matches no upload route; the small limits apply.
  }
  return decoded
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/$/, '$1')
    .toLowerCase();
}

const PHOTO_ROUTE = /^\/api\/vehicles\/[^/]+\/photos$/;
const MEDIA_LIBRARY_ROUTES = /^\/upload(\/files(\/[^/]+\/replace)?)?$/;

/**
 * The limits of an upload route (the owner's photo route, the media library's three), or
 * null for any other request: upload routes are POSTs only.
 */
export function uploadLimitsFor(
  method: string,
  path: string,
  mediaLibraryFileBytes: number,
): MultipartLimits | null {
  const limits = multipartLimitsFor(method, path, mediaLibraryFileBytes);
  return limits === FIELDS_ONLY ? null : limits;
}

const RAW_UPLOAD_ROUTE = /^\/api\/documents\/uploads\/[^/]+$/;

/**
 * The route that reads its own body, unparsed: the private folder's stand-in for a presigned
 * PUT, which takes the file's raw bytes and stops at the exact length its signed link names.
 */
export function isRawUploadRoute(method: string, path: string): boolean {
  return method.toUpperCase() === 'PUT' && RAW_UPLOAD_ROUTE.test(routePath(path));
}

/** True for the content API (`/api`, any case), whose bodies are JSON only. */
export function isContentApiPath(path: string): boolean {
  const normalized = routePath(path);
  return normalized === '/api' || normalized.startsWith('/api/');
}

/** The body types the content API reads (the `+json` family included). */
export const CONTENT_API_TYPES = ['application/json', 'application/*+json'] as const;
export const JSON_TYPES = ['application/json', '+json'];

/** The multipart limits of a request; the upload routes are POSTs only. */
export function multipartLimitsFor(
  method: string,
  path: string,
  mediaLibraryFileBytes: number,
): MultipartLimits {
  if (method.toUpperCase() !== 'POST') return FIELDS_ONLY;
  const normalized = routePath(path);
  if (PHOTO_ROUTE.test(normalized)) return PHOTO_UPLOAD;
  if (MEDIA_LIBRARY_ROUTES.test(normalized)) return mediaLibraryUpload(mediaLibraryFileBytes);
  return FIELDS_ONLY;
}

/** "8 MB", "64 KB", "300 bytes": how a limit is named in an error message. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) {
    const megabytes = bytes / MB;
    return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
  }
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`;
  return `${bytes} bytes`;
}
