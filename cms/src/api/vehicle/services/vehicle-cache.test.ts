import { CACHE_TTL_SECONDS, garageCacheSeconds } from './vehicle-cache';

describe('how long a garage read is cached', () => {
  it('is the full TTL when every link lives at least three times as long', () => {
    expect(garageCacheSeconds(CACHE_TTL_SECONDS, 15 * 60)).toBe(CACHE_TTL_SECONDS);
  });

  it('is a third of the photo links’ life at most, so a served link never expires first', () => {
    expect(garageCacheSeconds(CACHE_TTL_SECONDS, 60)).toBe(20);
    expect(garageCacheSeconds(CACHE_TTL_SECONDS, 2)).toBe(1);
    for (const linkSeconds of [2, 3, 60, 899, 900, 3600]) {
      expect(garageCacheSeconds(CACHE_TTL_SECONDS, linkSeconds)).toBeLessThan(linkSeconds);
    }
  });

  it('is shorter still when model pictures are signed for less', () => {
    expect(garageCacheSeconds(40, 15 * 60)).toBe(40);
  });
});
