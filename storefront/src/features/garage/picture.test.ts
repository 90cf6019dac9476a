import { describe, expect, it } from 'vitest';
import { pictureSrc } from './picture';

const signed =
  'http://minio:9000/motorghar/pulsar_1a2b.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12';

describe('pictureSrc', () => {
  it('serves the CMS’s uploads through the portal', () => {
    expect(pictureSrc('/uploads/pulsar_1a2b.jpg')).toBe('/media/uploads/pulsar_1a2b.jpg');
  });

  it('serves the bucket’s signed URLs through the portal, keeping the signature', () => {
    expect(pictureSrc(signed, 'http://minio:9000')).toBe(
      '/media/bucket/motorghar/pulsar_1a2b.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12',
    );
  });

  it('shows nothing from any other address', () => {
    expect(pictureSrc(signed)).toBeUndefined();
    expect(pictureSrc(signed, 'http://minio:9001')).toBeUndefined();
    expect(pictureSrc('https://elsewhere.example/p.jpg', 'http://minio:9000')).toBeUndefined();
    expect(pictureSrc('javascript:alert(1)', 'http://minio:9000')).toBeUndefined();
    expect(pictureSrc('//minio:9000/x.jpg', 'http://minio:9000')).toBeUndefined();
    expect(pictureSrc(null)).toBeUndefined();
  });
});
