import { describe, expect, it } from 'vitest';
import { pictureSrc } from './picture';

describe('pictureSrc', () => {
  it('serves the CMS’s uploads through the portal', () => {
    expect(pictureSrc('/uploads/pulsar_1a2b.jpg')).toBe('/media/uploads/pulsar_1a2b.jpg');
  });

  it('uses a bucket’s https URL as it is, and nothing else', () => {
    expect(pictureSrc('https://bucket.example/p.jpg')).toBe('https://bucket.example/p.jpg');
    expect(pictureSrc('javascript:alert(1)')).toBeUndefined();
    expect(pictureSrc(null)).toBeUndefined();
  });
});
