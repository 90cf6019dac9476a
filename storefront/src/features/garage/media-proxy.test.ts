import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMediaProxy } from './media-proxy';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const GOOD_TOKEN = 'eyJrZXkiOiJwaG90b3MvNy9hYmMifQ.c2lnbmF0dXJl';
const EXPIRED_TOKEN = 'eyJrZXkiOiJleHBpcmVkIn0.c2lnbmF0dXJl';

/** A loopback CMS (and bucket): what it was asked, and how it answers. */
let server: Server;
let origin: string;
let asked: Array<{ path: string; requestId: string | undefined }>;

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push({ path: request.url ?? '', requestId: request.headers['x-request-id'] as string });
    const url = new URL(request.url ?? '/', 'http://cms');
    if (url.pathname === `/api/files/${GOOD_TOKEN}`) {
      response.writeHead(200, {
        'content-type': 'image/jpeg',
        'cache-control': 'private, no-store',
      });
      return response.end(JPEG);
    }
    if (url.pathname === `/api/files/${EXPIRED_TOKEN}`) {
      response.writeHead(403, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ error: { message: 'This link has expired' } }));
    }
    if (url.pathname === '/bucket/photos/7/0b6f-small' && url.searchParams.get('X-Amz-Signature')) {
      response.writeHead(200, { 'content-type': 'image/webp' });
      return response.end(JPEG);
    }
    if (url.pathname === '/uploads/page.jpg') {
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end('<script>alert(1)</script>');
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  asked = [];
});

describe('the media proxy', () => {
  it('serves an owner’s private photo from the CMS’s signed link, private to the browser', async () => {
    const proxy = createMediaProxy({ cmsUrl: origin });

    const response = await proxy.privateImage(GOOD_TOKEN, 'req-7');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(JPEG);
    expect(asked).toEqual([{ path: `/api/files/${GOOD_TOKEN}`, requestId: 'req-7' }]);
  });

  it('answers 404 when the CMS refuses the link (expired or forged)', async () => {
    const response = await createMediaProxy({ cmsUrl: origin }).privateImage(EXPIRED_TOKEN, 'r');
    expect(response.status).toBe(404);
  });

  it('never asks the CMS for anything but a plain token', async () => {
    const proxy = createMediaProxy({ cmsUrl: origin });
    for (const token of [undefined, '', '..', '../uploads/x.jpg', 'a.b.c', 'a.b?x=1', 'only']) {
      expect((await proxy.privateImage(token, 'r')).status).toBe(404);
    }
    expect(asked).toEqual([]);
  });

  it('serves a presigned bucket photo (a key without extension) with its signature', async () => {
    const proxy = createMediaProxy({ cmsUrl: origin, mediaOrigin: origin });

    const ok = await proxy.bucketImage('bucket/photos/7/0b6f-small', '?X-Amz-Signature=ab', 'r');
    const unsigned = await proxy.bucketImage('bucket/photos/7/0b6f-small', '', 'r');

    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expect(unsigned.status).toBe(404);
    expect((await proxy.bucketImage('bucket/../admin', '?X-Amz-Signature=ab', 'r')).status).toBe(
      404,
    );
    expect((await createMediaProxy({ cmsUrl: origin }).bucketImage('b/k', '', 'r')).status).toBe(
      404,
    );
  });

  it('passes on images only', async () => {
    const response = await createMediaProxy({ cmsUrl: origin }).uploadedImage('page.jpg', 'r');
    expect(response.status).toBe(404);
  });

  it('answers 502 when the CMS cannot be reached', async () => {
    const response = await createMediaProxy({ cmsUrl: 'http://127.0.0.1:9' }).privateImage(
      GOOD_TOKEN,
      'r',
    );
    expect(response.status).toBe(502);
  });
});
