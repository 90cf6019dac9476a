import { describe, expect, it } from 'vitest';
import type { CmsProblem } from '~/lib/cms-api';
import {
  chosenPhotos,
  PHOTO_MAX_BYTES,
  PHOTO_UPLOAD_ROUTE,
  photoErrorOf,
  photosRefusal,
  photoUploadForm,
  photoUploadRefusal,
} from './photo-upload';

const aPhoto = (overrides: { name?: string; size?: number; type?: string } = {}) => {
  const { name = 'bike.png', size = 100, type = 'image/png' } = overrides;
  return new File([new Uint8Array(size)], name, { type });
};

const rejected = (status: number, message?: string, rule?: string): CmsProblem => ({
  kind: 'rejected',
  status,
  name: 'ValidationError',
  message,
  details: rule === undefined ? undefined : { rule },
});

describe('chosenPhotos', () => {
  it('keeps the files and drops the empty part of a file input left empty', () => {
    const bike = aPhoto();
    const empty = new File([], '', { type: 'application/octet-stream' });

    expect(chosenPhotos([bike, empty, 'stray text'])).toEqual([bike]);
  });

  it('keeps a named file even when it is empty, so the CMS can refuse it', () => {
    const named = aPhoto({ name: 'blank.jpg', size: 0 });

    expect(chosenPhotos([named])).toEqual([named]);
  });
});

describe('photosRefusal', () => {
  it('asks for a photo when none was chosen', () => {
    expect(photosRefusal([])).toBe('none');
  });

  it('refuses a sixth photo and a photo over 8 MB before sending anything', () => {
    expect(photosRefusal(Array.from({ length: 6 }, () => aPhoto()))).toBe('too-many');
    expect(photosRefusal([aPhoto(), aPhoto({ size: PHOTO_MAX_BYTES + 1 })])).toBe('too-large');
  });

  it('lets five photos of exactly 8 MB through', () => {
    const photos = Array.from({ length: 5 }, () => aPhoto({ size: PHOTO_MAX_BYTES }));

    expect(photosRefusal(photos)).toBeUndefined();
  });
});

describe('photoUploadForm', () => {
  it('puts every file under `files` with its own name and type', () => {
    const form = photoUploadForm([aPhoto({ name: 'front.jpg', type: 'image/jpeg' }), aPhoto()]);

    const files = form.getAll('files') as File[];
    expect(files.map((file) => [file.name, file.type])).toEqual([
      ['front.jpg', 'image/jpeg'],
      ['bike.png', 'image/png'],
    ]);
    expect([...form.keys()]).toEqual(['files', 'files']);
  });
});

describe('photoUploadRefusal', () => {
  it.each([
    ['files: choose at least one photo', 'none', 'none'],
    ['files: at most 5 photos at a time', 'tooMany', 'too-many'],
    ['files: notes.jpg is not a JPEG, PNG or WebP image', 'type', 'wrong-type'],
    [
      'files: bomb.png is 12000 × 12000 (144 megapixels); images may have at most 52 megapixels',
      'pixels',
      'too-many-pixels',
    ],
  ])('reads the CMS 400 "%s" (rule %s) as %s', (message, rule, code) => {
    expect(photoUploadRefusal(rejected(400, message, rule))).toBe(code);
  });

  it('reads a 413 as a photo that is too large', () => {
    expect(photoUploadRefusal(rejected(413, 'FileTooBig'))).toBe('too-large');
  });

  it('says the service is unavailable when the CMS is down or fails', () => {
    expect(photoUploadRefusal({ kind: 'unreachable', reason: 'TimeoutError' })).toBe('unavailable');
    expect(photoUploadRefusal(rejected(502))).toBe('unavailable');
  });

  it('asks to wait after too many attempts, and falls back to a general failure', () => {
    expect(photoUploadRefusal(rejected(429))).toBe('too-many-attempts');
    expect(photoUploadRefusal(rejected(400, 'files: something new', 'new'))).toBe('failed');
    expect(photoUploadRefusal(rejected(403, 'Forbidden'))).toBe('failed');
  });
});

describe('photoErrorOf', () => {
  it('explains a photo over the pixel limit at the file field, naming the limit', () => {
    expect(photoErrorOf('too-many-pixels')).toEqual({
      field: 'files',
      key: 'garage.errors.photoPixels',
      params: { max: 52 },
    });
  });

  it('shows a known reason at the file field, with the limits it names', () => {
    expect(photoErrorOf('too-large')).toEqual({
      field: 'files',
      key: 'garage.errors.photoTooLarge',
      params: { max: 8 },
    });
  });

  it('ignores a reason it does not know, or one from the object prototype', () => {
    expect(photoErrorOf('gremlins')).toBeUndefined();
    expect(photoErrorOf('toString')).toBeUndefined();
    expect(photoErrorOf(null)).toBeUndefined();
  });
});

describe('PHOTO_UPLOAD_ROUTE', () => {
  it('takes five photos of 8 MB on the vehicle page only', () => {
    const { path, maxBytes } = PHOTO_UPLOAD_ROUTE;

    expect(maxBytes).toBeGreaterThan(5 * PHOTO_MAX_BYTES);
    expect(path.test('/en/garage/abc123')).toBe(true);
    expect(path.test('/ne/garage/abc123/')).toBe(true);
    for (const other of ['/en/garage', '/en/garage/new', '/en/garage/abc/edit', '/en/profile']) {
      expect(path.test(other), other).toBe(false);
    }
  });

  it('sends a body over the limit back to the page, which explains the limits', () => {
    const url = new URL('http://portal.test/ne/garage/abc123?done=saved');

    expect(PHOTO_UPLOAD_ROUTE.refusedTo(url)).toBe(
      '/ne/garage/abc123?photoError=too-large-together',
    );
    expect(photoErrorOf('too-large-together')).toMatchObject({
      key: 'garage.errors.photosTooLarge',
    });
  });
});
