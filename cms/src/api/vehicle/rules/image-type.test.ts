import { sniffPhotoType } from './image-type';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('photo type by content', () => {
  it('recognises JPEG, PNG and WebP signatures', () => {
    expect(sniffPhotoType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffPhotoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      'image/png',
    );
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([1, 2, 3, 4]),
      Buffer.from('WEBPVP8 '),
    ]);
    expect(sniffPhotoType(webp)).toBe('image/webp');
  });

  it('refuses anything else, whatever its name says', () => {
    expect(sniffPhotoType(Buffer.from('GIF89a...'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(sniffPhotoType(bytes())).toBeNull();
  });
});
