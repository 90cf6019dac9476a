import { extentOf, isOverPixelLimit, MAX_IMAGE_PIXELS, pixelLimitMessage } from './pixel-limit';

describe('the image pixel limit', () => {
  it("admits a 50 MP phone's full-resolution shot and refuses a 12000 × 12000 image", () => {
    expect(isOverPixelLimit(extentOf({ width: 8160, height: 6120 }))).toBe(false);
    expect(isOverPixelLimit(extentOf({ width: 12000, height: 12000 }))).toBe(true);
  });

  it('counts every frame of an animated image, since a resize decodes them all', () => {
    const extent = extentOf({ width: 2000, height: 60000, pageHeight: 2000, pages: 30 });
    expect(extent).toEqual({ width: 2000, height: 2000, frames: 30, pixels: 120_000_000 });
    expect(isOverPixelLimit(extent)).toBe(true);
  });

  it('is inclusive: exactly the limit is accepted', () => {
    expect(isOverPixelLimit(extentOf({ width: 8000, height: MAX_IMAGE_PIXELS / 8000 }))).toBe(
      false,
    );
  });

  it('names the file, its size and the limit', () => {
    expect(pixelLimitMessage('bomb.png', extentOf({ width: 12000, height: 12000 }))).toBe(
      'bomb.png is 12000 × 12000 (144 megapixels); images may have at most 52 megapixels',
    );
  });
});
