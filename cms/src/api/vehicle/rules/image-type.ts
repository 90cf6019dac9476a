/** Image types an owner may upload as a vehicle photo, by what their bytes say they are. */
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The extension a stored photo gets, from its sniffed type (never from the uploaded name). */
export const PHOTO_EXTENSIONS: Record<PhotoType, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
};

/**
 * The type of an image from its first bytes (its signature), or null when it is none of
 * JPEG, PNG or WebP. A file's name and declared type are the uploader's claim; this is
 * what the file is.
 */
export function sniffPhotoType(head: Uint8Array): PhotoType | null {
  const bytes = (offset: number, ...expected: number[]) =>
    expected.every((value, index) => head[offset + index] === value);
  if (bytes(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF....WEBP
  if (bytes(0, 0x52, 0x49, 0x46, 0x46) && bytes(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}
