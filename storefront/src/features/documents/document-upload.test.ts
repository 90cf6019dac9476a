import { describe, expect, it } from 'vitest';
import {
  declaredType,
  DOCUMENT_ACCEPT,
  fileRefusal,
  fileSize,
  nextUploadStep,
  previewKind,
  readPresignAnswer,
  type UploadStep,
} from './document-upload';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('fileRefusal', () => {
  it('takes a PDF, a photo and a HEIC without a type', () => {
    expect(fileRefusal(file('bluebook.pdf', 'application/pdf'))).toBeUndefined();
    expect(fileRefusal(file('insurance.JPG', 'image/jpeg'))).toBeUndefined();
    expect(fileRefusal(file('IMG_0042.HEIC', ''))).toBeUndefined();
  });

  it('refuses no file, an empty file, another type and an oversized file', () => {
    expect(fileRefusal(undefined)).toBe('none');
    expect(fileRefusal(file('', 'application/octet-stream', 0))).toBe('none');
    expect(fileRefusal(file('blank.pdf', 'application/pdf', 0))).toBe('empty');
    expect(fileRefusal(file('setup.exe', 'application/x-msdownload'))).toBe('type');
    expect(fileRefusal(file('notes.docx', ''))).toBe('type');
    expect(fileRefusal(file('scan.pdf', 'application/pdf', 10 * 1024 * 1024 + 1))).toBe(
      'too-large',
    );
    expect(fileRefusal(file('scan.pdf', 'application/pdf', 10 * 1024 * 1024))).toBeUndefined();
    expect(fileRefusal(file('scan.pdf', 'application/pdf', 2000), 1000)).toBe('too-large');
  });

  it('believes a browser’s type over the name: a .pdf that says it is an executable is refused', () => {
    expect(fileRefusal(file('invoice.pdf', 'application/x-msdownload'))).toBe('type');
    expect(declaredType(file('photo.pdf', 'image/png'))).toBe('image/png');
  });
});

describe('what the picker and the preview offer', () => {
  it('offers the kept types with their endings', () => {
    expect(DOCUMENT_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['application/pdf', '.pdf', 'image/heic', '.heic', '.jpeg']),
    );
  });

  it('previews the images a browser can draw and shows an icon otherwise', () => {
    expect(previewKind(file('a.png', 'image/png'))).toBe('image');
    expect(previewKind(file('a.webp', 'image/webp'))).toBe('image');
    expect(previewKind(file('a.pdf', 'application/pdf'))).toBe('icon');
    expect(previewKind(file('a.heic', ''))).toBe('icon');
  });

  it('says a size in KB or MB', () => {
    expect(fileSize(300)).toEqual({ unit: 'KB', value: 1 });
    expect(fileSize(850 * 1024)).toEqual({ unit: 'KB', value: 850 });
    expect(fileSize(2.44 * 1024 * 1024)).toEqual({ unit: 'MB', value: 2.4 });
  });
});

describe('readPresignAnswer', () => {
  it('reads the upload target', () => {
    const body = {
      uploadId: 'u1',
      url: 'https://s3.test/b/k?sig',
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
    };
    expect(readPresignAnswer(200, body)).toEqual(body);
  });

  it('reads the refusal the portal names, and fails on anything else', () => {
    expect(readPresignAnswer(400, { error: 'too-large' })).toEqual({ error: 'too-large' });
    expect(readPresignAnswer(400, { error: 'because' })).toEqual({ error: 'failed' });
    expect(readPresignAnswer(502, 'Bad gateway')).toEqual({ error: 'failed' });
    expect(readPresignAnswer(200, { uploadId: 'u1', url: 'x', method: 'POST' })).toEqual({
      error: 'failed',
    });
    expect(
      readPresignAnswer(200, { uploadId: 'u1', url: 'x', method: 'PUT', headers: { a: 1 } }),
    ).toEqual({
      error: 'failed',
    });
  });
});

describe('nextUploadStep', () => {
  const run = (...events: Parameters<typeof nextUploadStep>[1][]) =>
    events.reduce<UploadStep>(nextUploadStep, { step: 'idle' });

  it('goes presign → send (with progress) → finalise', () => {
    expect(run({ type: 'start' })).toEqual({ step: 'presigning' });
    expect(run({ type: 'start' }, { type: 'presigned', total: 100 })).toEqual({
      step: 'sending',
      loaded: 0,
      total: 100,
    });
    expect(
      run(
        { type: 'start' },
        { type: 'presigned', total: 100 },
        { type: 'progress', loaded: 40, total: 100 },
      ),
    ).toEqual({ step: 'sending', loaded: 40, total: 100 });
    expect(run({ type: 'start' }, { type: 'presigned', total: 100 }, { type: 'sent' })).toEqual({
      step: 'finalising',
    });
  });

  it('stays cancelled when the aborted request still reports', () => {
    const cancelled = run({ type: 'start' }, { type: 'presigned', total: 100 }, { type: 'cancel' });
    expect(cancelled).toEqual({ step: 'cancelled' });
    for (const late of [
      { type: 'progress', loaded: 90, total: 100 },
      { type: 'sent' },
      { type: 'fail', error: 'failed' },
    ] as const) {
      expect(nextUploadStep(cancelled, late)).toEqual({ step: 'cancelled' });
    }
  });

  it('cannot cancel the finalise step, nor start twice', () => {
    const finalising = run({ type: 'start' }, { type: 'presigned', total: 1 }, { type: 'sent' });
    expect(nextUploadStep(finalising, { type: 'cancel' })).toBe(finalising);
    expect(nextUploadStep(finalising, { type: 'start' })).toBe(finalising);
  });

  it('never lets progress go backwards, and starts again after a failure', () => {
    const sending = run(
      { type: 'start' },
      { type: 'presigned', total: 100 },
      { type: 'progress', loaded: 60, total: 100 },
    );
    expect(nextUploadStep(sending, { type: 'progress', loaded: 30, total: 100 })).toMatchObject({
      loaded: 60,
    });
    const failed = nextUploadStep(sending, { type: 'fail', error: 'failed' });
    expect(failed).toEqual({ step: 'failed', error: 'failed' });
    expect(nextUploadStep(failed, { type: 'start' })).toEqual({ step: 'presigning' });
  });
});
