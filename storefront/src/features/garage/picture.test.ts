import { describe, expect, it } from 'vitest';
import { pictureSrc } from './picture';

const signed =
  'http://minio:9000/motorghar/pulsar_1a2b.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12';

describe('pictureSrc', () => {
  it('serves an owner’s private photo through the portal by its signed link', () => {
    expect(pictureSrc('/api/files/eyJrZXkiOiJwaG90b3MvNyJ9.Zm9vYmFy_-')).toBe(
      '/media/files/eyJrZXkiOiJwaG90b3MvNyJ9.Zm9vYmFy_-',
    );
    expect(pictureSrc('/api/files/../../admin')).toBeUndefined();
    expect(pictureSrc('/api/files/a.b/c')).toBeUndefined();
    expect(pictureSrc('/api/files/a.b?x=1')).toBeUndefined();
    expect(pictureSrc('/api/files/')).toBeUndefined();
  });

  it('serves the bucket’s presigned photo URLs (keys without an extension) through the portal', () => {
    const presigned =
      'http://minio:9000/motorghar/photos/7/0b6f-4c1e-small?X-Amz-Signature=ab12&X-Amz-Expires=900';
    expect(pictureSrc(presigned, 'http://minio:9000')).toBe(
      '/media/bucket/motorghar/photos/7/0b6f-4c1e-small?X-Amz-Signature=ab12&X-Amz-Expires=900',
    );
  });

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
