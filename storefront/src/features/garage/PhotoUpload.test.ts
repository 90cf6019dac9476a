import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import PhotoUpload from './PhotoUpload';

const text = {
  label: 'Add photos',
  hint: 'JPEG, PNG or WebP',
  submit: 'Upload photos',
  progress: 'Upload progress',
  uploading: 'Uploading photos: {percent}%',
  saving: 'Photos sent. Saving them…',
  errorPrefix: 'Error:',
};

describe('PhotoUpload on the server', () => {
  it('is a multipart form with an empty live region for the progress, and no bar before an upload', () => {
    const html = renderToString(
      createElement(PhotoUpload, {
        action: '/en/garage/veh1',
        csrf: { name: '_csrf', token: 't'.repeat(43) },
        locale: 'en',
        numberingSystem: 'latn',
        text,
      }),
    );

    expect(html).toMatch(
      /<form class="form photo-upload" method="post" action="\/en\/garage\/veh1" enctype="multipart\/form-data"/i,
    );
    expect(html).toContain('<p class="upload-progress-text" aria-live="polite"></p>');
    expect(html).not.toContain('<progress');
    expect(html).toContain('<button type="submit" class="button">Upload photos</button>');
  });
});
