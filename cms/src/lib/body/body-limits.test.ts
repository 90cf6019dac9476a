import {
  FIELDS_ONLY,
  formatBytes,
  isContentApiPath,
  isRawUploadRoute,
  MB,
  multipartLimitsFor,
  PHOTO_UPLOAD,
  routePath,
  uploadLimitsFor,
} from './body-limits';

describe('multipartLimitsFor', () => {
  it.each([
    '/api/vehicles/abc123/photos',
    '/API/Vehicles/abc123/PHOTOS',
    '/api//vehicles/abc123/photos/',
    '/api/vehicles/abc123/%70hotos',
  ])('gives the photo route its five 8 MB files however %s is spelled', (path) => {
    expect(multipartLimitsFor('POST', path, 10 * MB)).toBe(PHOTO_UPLOAD);
  });

  it.each([
    ['POST', '/api/auth/local'],
    ['POST', '/api/upload'],
    ['POST', '/api/vehicles/abc/photos/extra'],
    ['POST', '/api/vehicles/photos'],
    ['PUT', '/api/vehicles/abc/photos'],
    ['POST', '/uploads'],
    ['POST', '/upload/files/1'],
    ['POST', '/%E0%A4%A'],
  ])('takes no files on %s %s', (method, path) => {
    expect(multipartLimitsFor(method, path, 10 * MB)).toBe(FIELDS_ONLY);
  });

  it.each(['/upload', '/UPLOAD/', '/upload/files', '/upload/files/12/replace'])(
    "gives the media library's %s the upload plugin's own file size",
    (path) => {
      expect(multipartLimitsFor('POST', path, 10 * MB)).toMatchObject({
        maxFileBytes: 10 * MB,
        fileField: 'files',
      });
    },
  );

  it('bounds a whole photo upload by its files, fields and framing', () => {
    expect(PHOTO_UPLOAD.maxBodyBytes).toBeGreaterThan(5 * 8 * MB);
    expect(PHOTO_UPLOAD.maxBodyBytes).toBeLessThan(41 * MB);
  });
});

describe('routePath', () => {
  it('folds the spellings the router treats as one path', () => {
    expect(routePath('/API//Vehicles/x/')).toBe('/api/vehicles/x');
    expect(routePath('/')).toBe('/');
  });
});

describe('formatBytes', () => {
  it.each([
    [8 * MB, '8 MB'],
    [40.5 * MB, '40.5 MB'],
    [64 * 1024, '64 KB'],
    [300, '300 bytes'],
  ])('names %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('isContentApiPath and uploadLimitsFor', () => {
  it.each(['/api', '/api/profile', '/API/Profile', '/Api//vehicles/', '/%61pi/profile'])(
    'treats %s as the content API (JSON bodies only)',
    (path) => {
      expect(isContentApiPath(path)).toBe(true);
    },
  );

  it.each(['/admin/login', '/upload', '/apix/profile', '/uploads/api/x'])(
    'does not treat %s as the content API',
    (path) => {
      expect(isContentApiPath(path)).toBe(false);
    },
  );

  it('names upload limits only for the upload routes', () => {
    expect(uploadLimitsFor('POST', '/API/vehicles/a/photos/', 10 * MB)).toBe(PHOTO_UPLOAD);
    expect(uploadLimitsFor('POST', '/upload/files/3/replace', 10 * MB)?.maxFiles).toBe(10);
    expect(uploadLimitsFor('POST', '/api/upload', 10 * MB)).toBeNull();
    expect(uploadLimitsFor('PUT', '/api/vehicles/a/photos', 10 * MB)).toBeNull();
  });
});

describe('isRawUploadRoute', () => {
  it("is the private folder's document upload PUT, in any spelling the router matches", () => {
    expect(isRawUploadRoute('PUT', '/api/documents/uploads/abc')).toBe(true);
    expect(isRawUploadRoute('put', '/API/Documents//uploads/abc/')).toBe(true);
  });

  it('is no other method or path', () => {
    expect(isRawUploadRoute('POST', '/api/documents/uploads/abc')).toBe(false);
    expect(isRawUploadRoute('PUT', '/api/documents/abc')).toBe(false);
    expect(isRawUploadRoute('PUT', '/api/documents/uploads/abc/x')).toBe(false);
    expect(isRawUploadRoute('PUT', '/api/documents/uploads')).toBe(false);
  });
});
