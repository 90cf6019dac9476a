/** The types a document file may be, by what its bytes are. */
export const DOCUMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** How a type is named to an owner, and the extension a stored file of it gets. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, { name: string; ext: string }> = {
  'application/pdf': { name: 'PDF', ext: '.pdf' },
  'image/jpeg': { name: 'JPEG image', ext: '.jpg' },
  'image/png': { name: 'PNG image', ext: '.png' },
  'image/webp': { name: 'WebP image', ext: '.webp' },
  'image/heic': { name: 'HEIC image', ext: '.heic' },
  'image/heif': { name: 'HEIF image', ext: '.heif' },
};

export const ALLOWED_TYPES_TEXT = 'a PDF, JPEG, PNG, WebP or HEIC file';

const isDocumentType = (type: string): type is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).includes(type);

/** HEIC is HEIF with HEVC inside: phones and sniffers name one file either way. */
const family = (type: DocumentType) => (type === 'image/heif' ? 'image/heic' : type);

/**
 * What to do with an uploaded file, from its sniffed type (file-type's answer, null when it
 * recognised nothing) and the type its uploader declared at presign time:
 * - not one of the allowed types → refused (`type`);
 * - another allowed type than declared (a PNG sent as `application/pdf`) → refused
 *   (`mismatch`): the file is not what it claimed, whatever its name says;
 * - else accepted, stored as the sniffed type. The name plays no part: `scan.pdf` declared
 *   and sniffed `image/png` is a PNG whose extension the vault corrects.
 */
export function judgeFileType(
  sniffed: string | null,
  declared: DocumentType,
):
  | { verdict: 'accepted'; type: DocumentType }
  | { verdict: 'type'; type: string | null }
  | { verdict: 'mismatch'; type: DocumentType } {
  if (sniffed === null || !isDocumentType(sniffed)) return { verdict: 'type', type: sniffed };
  if (family(sniffed) !== family(declared)) return { verdict: 'mismatch', type: sniffed };
  return { verdict: 'accepted', type: sniffed };
}

/** Images open in the browser; anything else downloads. */
export const dispositionOf = (type: string): 'inline' | 'attachment' =>
  type.startsWith('image/') ? 'inline' : 'attachment';

const MAX_NAME = 120;

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no control
 * or reserved characters, no leading dots, at most 120 characters, with the extension of
 * the type its bytes proved (`scan.pdf` that is a PNG is `scan.png`).
 */
export function storedFileName(original: string, type: DocumentType): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME);
  return `${stem || 'document'}${DOCUMENT_TYPE_NAMES[type].ext}`;
}
