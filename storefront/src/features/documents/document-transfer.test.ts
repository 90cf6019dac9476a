import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserUploadTarget, createDocumentTransfer, takesRawBody } from './document-transfer';
import { DOCUMENT_MAX_BYTES } from './document-upload';

/** What the loopback CMS received: one entry per request. */
interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The request ended before its declared length (the portal cut it). */
  aborted: boolean;
}

let server: Server;
let cmsUrl: string;
let received: Received[] = [];
let answer: (url: string) => { status: number; headers?: Record<string, string>; body?: Buffer };

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    const entry: Received = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: Buffer.alloc(0),
      aborted: false,
    };
    received.push(entry);
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('aborted', () => (entry.aborted = true));
    request.on('error', () => (entry.aborted = true));
    request.on('end', () => {
      entry.body = Buffer.concat(chunks);
      const { status, headers = {}, body } = answer(entry.url);
      response.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  answer = () => ({ status: 204 });
});

const transfer = () => createDocumentTransfer({ cmsUrl });
const UPLOAD_ID = 'a'.repeat(24);

function putRequest(body: BodyInit | null, headers: Record<string, string>) {
  return new Request(`http://portal.test/api/documents/uploads/${UPLOAD_ID}?token=signed.tok`, {
    method: 'PUT',
    body,
    headers,
    // @ts-expect-error Node's Request needs it for a streamed body.
    duplex: 'half',
  });
}

describe('the embedded default’s upload PUT, forwarded', () => {
  it('streams the bytes to the CMS route with its signed token, type, length and the owner’s token', async () => {
    const bytes = Buffer.from('%PDF-1.4 a small pdf');
    const request = putRequest(bytes, {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
    });

    const response = await transfer().forwardUpload(
      request,
      UPLOAD_ID,
      '?token=signed.tok',
      'jwt',
      'req-1',
    );

    expect(response.status).toBe(204);
    const [sent] = received;
    expect(sent!.method).toBe('PUT');
    expect(sent!.url).toBe(`/api/documents/uploads/${UPLOAD_ID}?token=signed.tok`);
    expect(sent!.headers['content-type']).toBe('application/pdf');
    expect(sent!.headers['content-length']).toBe(String(bytes.length));
    expect(sent!.headers.authorization).toBe('Bearer jwt');
    expect(sent!.headers['x-request-id']).toBe('req-1');
    expect(sent!.body.equals(bytes)).toBe(true);
  });

  it('passes on the CMS’s refusal (415 for another type than signed)', async () => {
    answer = () => ({ status: 415 });
    const request = putRequest('hello', { 'Content-Type': 'text/plain', 'Content-Length': '5' });

    const response = await transfer().forwardUpload(request, UPLOAD_ID, '?token=t', 'jwt', 'r');

    expect(response.status).toBe(415);
  });

  it('refuses a body of undeclared length (411) and one over the limit (413) without calling the CMS', async () => {
    const chunked = putRequest(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2, 3]));
          controller.close();
        },
      }),
      { 'Content-Type': 'image/png' },
    );
    const tooLarge = putRequest(null, {
      'Content-Type': 'image/png',
      'Content-Length': String(DOCUMENT_MAX_BYTES + 1),
    });

    expect((await transfer().forwardUpload(chunked, UPLOAD_ID, '', 'jwt', 'r')).status).toBe(411);
    expect((await transfer().forwardUpload(tooLarge, UPLOAD_ID, '', 'jwt', 'r')).status).toBe(413);
    expect(received).toEqual([]);
  });

  it('never sends the CMS more bytes than were declared', async () => {
    // A client that declares 4 bytes and sends 12: the stream is cut at the 5th.
    const lying = new Request('http://portal.test/x', {
      method: 'PUT',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(12).fill(7));
          controller.close();
        },
      }),
      // @ts-expect-error Node's Request needs it for a streamed body.
      duplex: 'half',
    });
    const headers = new Headers({ 'Content-Type': 'image/png', 'Content-Length': '4' });
    const request = new Proxy(lying, {
      get: (target, name) => (name === 'headers' ? headers : Reflect.get(target, name)),
    });

    const response = await transfer().forwardUpload(request, UPLOAD_ID, '', 'jwt', 'r');

    expect(response.status).toBe(502);
    expect(received.every((entry) => entry.body.length <= 4)).toBe(true);
  });

  it('is the one route whose body is not a form', () => {
    expect(takesRawBody(`/api/documents/uploads/${UPLOAD_ID}`)).toBe(true);
    expect(takesRawBody('/api/documents/uploads')).toBe(false);
    expect(takesRawBody(`/en/documents/${UPLOAD_ID}`)).toBe(false);
    expect(takesRawBody(`/api/documents/uploads/${UPLOAD_ID}/../../x`)).toBe(false);
  });
});

describe('the upload target the browser gets', () => {
  it('keeps a bucket URL as it is: the browser PUTs there itself', () => {
    const target = {
      uploadId: UPLOAD_ID,
      url: 'https://bucket.example/uploads/x?X-Amz-Signature=abc',
      method: 'PUT' as const,
      headers: { 'Content-Type': 'image/png' },
    };

    expect(browserUploadTarget(target, 'csrf')).toEqual({
      uploadId: UPLOAD_ID,
      url: target.url,
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
    });
  });

  it('sends a CMS path to the portal’s route of the same path, with the CSRF header', () => {
    const target = {
      uploadId: UPLOAD_ID,
      url: `/api/documents/uploads/${UPLOAD_ID}?token=abc`,
      method: 'PUT' as const,
      headers: { 'Content-Type': 'application/pdf' },
    };

    expect(browserUploadTarget(target, 'csrf-token')).toEqual({
      uploadId: UPLOAD_ID,
      url: `/api/documents/uploads/${UPLOAD_ID}?token=abc`,
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf', 'x-csrf-token': 'csrf-token' },
    });
  });
});

describe('a document’s file, served by the portal', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  it('fetches a CMS link and streams the file back, private and unsniffable (the portal’s CSP comes on top)', async () => {
    answer = () => ({
      status: 200,
      headers: {
        'Content-Type': 'image/png',
        'Content-Disposition': 'inline; filename="scan.png"',
      },
      body: png,
    });

    const response = await transfer().serveFile({ url: '/api/files/tok.sig' }, false, 'req-2');

    expect(received[0]!.url).toBe('/api/files/tok.sig');
    expect(received[0]!.headers.authorization).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="scan.png"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('asks the browser to save it when downloading', async () => {
    answer = () => ({
      status: 200,
      headers: {
        'Content-Type': 'image/png',
        'Content-Disposition': 'inline; filename="scan.png"',
      },
      body: png,
    });

    const response = await transfer().serveFile({ url: `${cmsUrl}/bucket/x?sig=1` }, true, 'r');

    expect(received[0]!.url).toBe('/bucket/x?sig=1');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="scan.png"');
  });

  it('answers 404 for a link the store no longer honours, and 502 when the store fails', async () => {
    answer = (url) => ({ status: url.includes('gone') ? 404 : 500 });

    expect((await transfer().serveFile({ url: '/api/files/gone' }, false, 'r')).status).toBe(404);
    expect((await transfer().serveFile({ url: '/api/files/broken' }, false, 'r')).status).toBe(502);
  });
});
