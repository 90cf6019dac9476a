import sharp from 'sharp';

/**
 * The most pixels an uploaded image may decode to, all frames together. A 50 MP phone's
 * full-resolution shot (8160 × 6120 = 49.9 MP, the largest mode common on phones sold in
 * Nepal; 12–13 MP is their default) fits with room to spare; a decompression bomb (a
 * 12000 × 12000 PNG is 420 KB and 144 MP) does not. 108 and 200 MP modes are refused: their
 * files exceed 8 MB anyway. See cms/src/api/vehicle/README.md for the measured cost.
 */
export const MAX_IMAGE_PIXELS = 52_000_000;

export const MAX_IMAGE_MEGAPIXELS = MAX_IMAGE_PIXELS / 1_000_000;

export interface ImageExtent {
  width: number;
  height: number;
  frames: number;
  pixels: number;
}

interface Header {
  width?: number;
  height?: number;
  pageHeight?: number;
  pages?: number;
}

/** Pixels a decoder would produce: width × height of a frame × frames. */
export function extentOf(header: Header): ImageExtent {
  const width = header.width ?? 0;
  const height = header.pageHeight ?? header.height ?? 0;
  const frames = Math.max(1, header.pages ?? 1);
  return { width, height, frames, pixels: width * height * frames };
}

/**
 * The size of an image from its header alone: sharp's metadata reads the header, not the
 * pixels, so this costs milliseconds whatever the image claims to be.
 */
export async function measureImage(source: {
  filepath?: string;
  bytes?: Buffer;
  getStream?: () => NodeJS.ReadableStream;
}): Promise<ImageExtent> {
  if (source.filepath) return extentOf(await sharp(source.filepath).metadata());
  if (source.bytes) return extentOf(await sharp(source.bytes).metadata());
  const pipeline = sharp();
  const header = pipeline.metadata();
  source.getStream?.().pipe(pipeline);
  return extentOf(await header);
}

export const isOverPixelLimit = (extent: ImageExtent) => extent.pixels > MAX_IMAGE_PIXELS;

/** "bomb.png is 12000 × 12000 (144 megapixels); photos may have at most 52 megapixels". */
export function pixelLimitMessage(name: string, extent: ImageExtent): string {
  const frames = extent.frames > 1 ? ` in ${extent.frames} frames` : '';
  const megapixels = Math.round(extent.pixels / 1_000_000);
  return (
    `${name} is ${extent.width} × ${extent.height}${frames} (${megapixels} megapixels); ` +
    `images may have at most ${MAX_IMAGE_MEGAPIXELS} megapixels`
  );
}
