import type { MessageKey } from '~/i18n';

/** The CMS's default limit for a document (SPEC "Document": 10 MB); its config may differ. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The types the vault keeps, each with the file-name endings that stand for it. */
export const DOCUMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic'],
  'image/heif': ['.heif'],
};

/** What the file picker offers: the types and their endings (some phones give HEIC no type). */
export const DOCUMENT_ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([type, endings]) => [type, ...endings])
  .join(',');

/** The name of the file input: the field a no-JS post carries the file in. */
export const DOCUMENT_FILE_FIELD = 'file';

/** A chosen file, as much of it as the checks read. */
export interface ChosenFile {
  name: string;
  type: string;
  size: number;
}

function endingOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

/**
 * The type to declare for a file when asking for an upload URL: the browser's, when the vault
 * takes it, else the one its name's ending stands for (browsers often give HEIC none). The
 * CMS still sniffs the bytes and refuses a file that is not what was declared.
 */
export function declaredType(file: ChosenFile): string | undefined {
  if (Object.hasOwn(DOCUMENT_TYPES, file.type)) return file.type;
  if (file.type !== '' && file.type !== 'application/octet-stream') return undefined;
  const ending = endingOf(file.name);
  return Object.keys(DOCUMENT_TYPES).find((type) => DOCUMENT_TYPES[type]!.includes(ending));
}

/** Why a file is refused before any byte is sent. */
export type FileRefusal = 'none' | 'empty' | 'type' | 'too-large';

/** The checks the browser can make before uploading: a file, not empty, a kept type, the size. */
export function fileRefusal(
  file: ChosenFile | undefined,
  maxBytes = DOCUMENT_MAX_BYTES,
): FileRefusal | undefined {
  if (!file || (file.size === 0 && file.name === '')) return 'none';
  if (file.size === 0) return 'empty';
  if (!declaredType(file)) return 'type';
  if (file.size > maxBytes) return 'too-large';
  return undefined;
}

/** Why an upload did not finish, as the island shows it. */
/** `details`: the form's other fields are not right (the page shows which, once posted). */
export type UploadError = FileRefusal | 'refused' | 'failed' | 'details';

/** The message of each refusal (`too-large` takes `{max}` in MB). */
export const UPLOAD_ERROR_MESSAGES: Record<UploadError, MessageKey> = {
  none: 'documents.errors.fileNone',
  empty: 'documents.errors.fileEmpty',
  type: 'documents.errors.fileType',
  'too-large': 'documents.errors.fileTooLarge',
  refused: 'documents.errors.fileRefused',
  failed: 'documents.errors.uploadFailed',
  details: 'documents.errors.details',
};

/**
 * How a chosen file is shown before it is sent: a picture for the image types a browser can
 * draw (an object URL of the file itself), an icon for a PDF and for HEIC, which most
 * browsers cannot draw.
 */
export function previewKind(file: ChosenFile): 'image' | 'icon' {
  const type = declaredType(file);
  return type === 'image/jpeg' || type === 'image/png' || type === 'image/webp' ? 'image' : 'icon';
}

/** A file's size for people: `850 KB`, `2.4 MB` (numbers only; the caller adds the unit). */
export function fileSize(bytes: number): { unit: 'KB' | 'MB'; value: number } {
  if (bytes < 1024 * 1024) return { unit: 'KB', value: Math.max(1, Math.round(bytes / 1024)) };
  return { unit: 'MB', value: Math.round((bytes / 1024 / 1024) * 10) / 10 };
}

/** Where to send a file's bytes, as the portal's presign route answers. */
export interface UploadTarget {
  uploadId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

/**
 * Reads the portal's answer to a presign request: the target, or the refusal the portal
 * names (`{ error: 'too-large' }`); anything else is a failure.
 */
export function readPresignAnswer(
  status: number,
  body: unknown,
): UploadTarget | { error: UploadError } {
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (status >= 200 && status < 300) {
    const { uploadId, url, method, headers = {} } = answer;
    const headersOk =
      typeof headers === 'object' &&
      headers !== null &&
      Object.values(headers).every((value) => typeof value === 'string');
    if (typeof uploadId === 'string' && typeof url === 'string' && method === 'PUT' && headersOk) {
      return { uploadId, url, method, headers: headers as Record<string, string> };
    }
    return { error: 'failed' };
  }
  const error = answer.error;
  const known = typeof error === 'string' && Object.hasOwn(UPLOAD_ERROR_MESSAGES, error);
  return { error: known ? (error as UploadError) : 'failed' };
}

/** Where an upload is: each step of presign → PUT → finalise, and how it ended. */
export type UploadStep =
  | { step: 'idle' }
  | { step: 'presigning' }
  | { step: 'sending'; loaded: number; total: number }
  | { step: 'finalising' }
  | { step: 'cancelled' }
  | { step: 'failed'; error: UploadError };

/** What happens to an upload. */
export type UploadEvent =
  | { type: 'start' }
  | { type: 'presigned'; total: number }
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'sent' }
  | { type: 'cancel' }
  | { type: 'fail'; error: UploadError };

const BUSY = new Set<UploadStep['step']>(['presigning', 'sending', 'finalising']);

/**
 * The next step of an upload. Events that come late (progress after a cancel, a failure of an
 * aborted request) change nothing, and nothing starts while an upload is on its way; the
 * finalise step cannot be cancelled, since the CMS may already be keeping the file.
 */
export function nextUploadStep(state: UploadStep, event: UploadEvent): UploadStep {
  switch (event.type) {
    case 'start':
      return BUSY.has(state.step) ? state : { step: 'presigning' };
    case 'presigned':
      return state.step === 'presigning'
        ? { step: 'sending', loaded: 0, total: event.total }
        : state;
    case 'progress':
      return state.step === 'sending'
        ? { step: 'sending', loaded: Math.max(state.loaded, event.loaded), total: event.total }
        : state;
    case 'sent':
      return state.step === 'sending' ? { step: 'finalising' } : state;
    case 'cancel':
      return state.step === 'presigning' || state.step === 'sending'
        ? { step: 'cancelled' }
        : state;
    case 'fail':
      return BUSY.has(state.step) ? { step: 'failed', error: event.error } : state;
  }
}
