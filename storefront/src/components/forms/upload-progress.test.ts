import { describe, expect, it } from 'vitest';
import { afterUpload, isSent, uploadedPercent, uploadedTens } from './upload-progress';

describe('uploadedTens', () => {
  it('rounds down to whole tens of percent', () => {
    expect(uploadedTens(0, 1000)).toBe(0);
    expect(uploadedTens(199, 1000)).toBe(10);
    expect(uploadedTens(999, 1000)).toBe(90);
    expect(uploadedTens(1000, 1000)).toBe(100);
  });

  it('reads nothing sent when the size is not known yet', () => {
    expect(uploadedTens(10, 0)).toBe(0);
  });
});

describe('uploadedPercent', () => {
  it('rounds down to whole percent, and never passes 100', () => {
    expect(uploadedPercent(0, 1000)).toBe(0);
    expect(uploadedPercent(419, 1000)).toBe(41);
    expect(uploadedPercent(1000, 1000)).toBe(100);
    expect(uploadedPercent(1200, 1000)).toBe(100);
    expect(uploadedPercent(10, 0)).toBe(0);
  });
});

describe('isSent', () => {
  it('tells when every byte is sent, and not before the size is known', () => {
    expect(isSent({ loaded: 1000, total: 1000 })).toBe(true);
    expect(isSent({ loaded: 999, total: 1000 })).toBe(false);
    expect(isSent({ loaded: 0, total: 0 })).toBe(false);
  });
});

describe('afterUpload', () => {
  const page = 'https://motorghar.test/en/garage/veh1';

  it('follows the redirect to the confirmation, the error or the login page', () => {
    for (const url of [`${page}?done=photos-added`, `${page}?photoError=wrong-type`]) {
      expect(afterUpload({ status: 200, url }, page)).toEqual({ goTo: url });
    }
  });

  it('posts the form itself when the answer was not a redirect', () => {
    expect(afterUpload({ status: 403, url: page }, page)).toBe('post-form');
    expect(afterUpload({ status: 200, url: page }, page)).toBe('post-form');
    expect(afterUpload({ status: 404, url: `${page}?done=photos-added` }, page)).toBe('post-form');
    expect(afterUpload({ status: 0, url: '' }, page)).toBe('post-form');
  });
});
