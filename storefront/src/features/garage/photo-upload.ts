import type { LargeBodyRoute } from '~/lib/body-limit';
import type { CmsProblem } from '~/lib/cms-api';
import { detailsOf, type FormError } from '~/features/forms/form-errors';

/** The CMS's limits (cms/src/api/vehicle/services/garage-photos.ts), checked here first. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTOS_PER_UPLOAD = 5;
/** The CMS's pixel limit (cms/src/lib/media/pixel-limit.ts), in megapixels. */
export const PHOTO_MAX_MEGAPIXELS = 52;
/** What the file picker offers; the CMS decides by the bytes, not by this. */
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';
/** The name of the file input, the field the CMS reads, and the id errors link to. */
export const PHOTO_FIELD = 'files';

/**
 * The largest request body the vehicle page takes: five photos at the limit, plus room for
 * the multipart framing and the form's other fields.
 */
export const PHOTO_UPLOAD_BODY_LIMIT = PHOTOS_PER_UPLOAD * PHOTO_MAX_BYTES + 1024 * 1024;

/** The vehicle page (`/en/garage/:id`, not `/en/garage/new`), which takes photo uploads. */
const VEHICLE_PAGE = /^\/[^/]+\/garage\/(?!new\/?$)[^/]+\/?$/;

/** Why an upload was refused, as it travels in the page's query after the redirect. */
const PHOTO_ERRORS = {
  none: { field: PHOTO_FIELD, key: 'garage.errors.photosNone' },
  'too-many': {
    field: PHOTO_FIELD,
    key: 'garage.errors.photosTooMany',
    params: { max: PHOTOS_PER_UPLOAD },
  },
  'wrong-type': { field: PHOTO_FIELD, key: 'garage.errors.photoType' },
  'too-many-pixels': {
    field: PHOTO_FIELD,
    key: 'garage.errors.photoPixels',
    params: { max: PHOTO_MAX_MEGAPIXELS },
  },
  'too-large': {
    field: PHOTO_FIELD,
    key: 'garage.errors.photoTooLarge',
    params: { max: PHOTO_MAX_BYTES / 1024 / 1024 },
  },
  'too-large-together': {
    field: PHOTO_FIELD,
    key: 'garage.errors.photosTooLarge',
    params: { count: PHOTOS_PER_UPLOAD, max: PHOTO_MAX_BYTES / 1024 / 1024 },
  },
  'too-many-attempts': { field: PHOTO_FIELD, key: 'forms.errors.tooManyAttempts' },
  unavailable: { field: PHOTO_FIELD, key: 'forms.errors.unavailable' },
  failed: { field: PHOTO_FIELD, key: 'garage.errors.photosFailed' },
} as const satisfies Record<string, FormError>;

export type PhotoErrorCode = keyof typeof PHOTO_ERRORS;

/** The query parameter that carries a refused upload's reason. */
export const PHOTO_ERROR_PARAM = 'photoError';

/**
 * The vehicle page takes bodies of up to five photos; a larger one comes back to the page,
 * which explains the limits.
 */
export const PHOTO_UPLOAD_ROUTE: LargeBodyRoute = {
  path: VEHICLE_PAGE,
  maxBytes: PHOTO_UPLOAD_BODY_LIMIT,
  refusedTo: (url) => `${url.pathname}?${PHOTO_ERROR_PARAM}=too-large-together`,
};

/** The error to show for a reason read from the query; nothing for an unknown one. */
export function photoErrorOf(code: string | null): FormError | undefined {
  if (code === null || !Object.hasOwn(PHOTO_ERRORS, code)) return undefined;
  return PHOTO_ERRORS[code as PhotoErrorCode];
}

/**
 * The files an owner chose. A file input left empty still sends one part, without a name or
 * bytes: that is no photo.
 */
export function chosenPhotos(values: FormDataEntryValue[]): File[] {
  return values.filter(
    (value): value is File => typeof value !== 'string' && (value.size > 0 || value.name !== ''),
  );
}

/** What keeps the chosen files from being sent, by the limits the CMS would apply. */
export function photosRefusal(files: File[]): PhotoErrorCode | undefined {
  if (files.length === 0) return 'none';
  if (files.length > PHOTOS_PER_UPLOAD) return 'too-many';
  if (files.some((file) => file.size > PHOTO_MAX_BYTES)) return 'too-large';
  return undefined;
}

/** The multipart form the CMS's photo route reads: each file under `files`, with its name. */
export function photoUploadForm(files: File[]): FormData {
  const form = new FormData();
  for (const file of files) form.append(PHOTO_FIELD, file, file.name);
  return form;
}

/** The CMS's `details.rule` for a refused `files` field (garage-photos.ts), by reason. */
const FILES_RULES = new Map<unknown, PhotoErrorCode>([
  ['none', 'none'],
  ['tooMany', 'too-many'],
  ['type', 'wrong-type'],
  ['pixels', 'too-many-pixels'],
]);

/** Why the CMS refused an upload (401 and 404 are the caller's to handle). */
export function photoUploadRefusal(problem: CmsProblem): PhotoErrorCode {
  if (problem.kind !== 'rejected' || problem.status >= 500) return 'unavailable';
  if (problem.status === 413) return 'too-large';
  if (problem.status === 429) return 'too-many-attempts';
  if (problem.status !== 400) return 'failed';
  return FILES_RULES.get(detailsOf(problem).rule) ?? 'failed';
}
