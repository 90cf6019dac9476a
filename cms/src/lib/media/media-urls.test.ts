import { cacheableSeconds, thumbnailOf } from './media-urls';

describe('thumbnailOf', () => {
  it("prefers Strapi's small format, then its thumbnail, then the file itself", () => {
    const formats = {
      thumbnail: { url: '/uploads/thumbnail_a.jpg' },
      small: { url: '/uploads/small_a.jpg' },
      large: { url: '/uploads/large_a.jpg' },
    };
    expect(thumbnailOf({ url: '/uploads/a.jpg', formats })).toBe('/uploads/small_a.jpg');
    expect(thumbnailOf({ url: '/uploads/a.jpg', formats: { thumbnail: formats.thumbnail } })).toBe(
      '/uploads/thumbnail_a.jpg',
    );
    expect(thumbnailOf({ url: '/uploads/a.jpg', formats: null })).toBe('/uploads/a.jpg');
    expect(thumbnailOf({ url: '/uploads/a.jpg' })).toBe('/uploads/a.jpg');
  });
});

describe('cacheableSeconds', () => {
  it('keeps the TTL when URLs are not signed', () => {
    expect(cacheableSeconds(300, null)).toBe(300);
  });

  it('caches signed URLs for a third of their life at most', () => {
    expect(cacheableSeconds(300, 900)).toBe(300);
    expect(cacheableSeconds(3600, 900)).toBe(300);
    expect(cacheableSeconds(300, 60)).toBe(20);
    expect(cacheableSeconds(300, 2)).toBe(1);
  });
});
