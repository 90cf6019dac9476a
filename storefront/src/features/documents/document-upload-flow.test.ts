import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UploadEvent } from './document-upload';
import { uploadDocument, type UploadTransport } from './document-upload-flow';

/** What the loopback portal saw: each request's method, path and body. */
interface Seen {
  method: string;
  path: string;
  body: Buffer;
  type: string;
}

let server: Server;
let origin: string;
let seen: Seen[];
/** How the loopback portal answers the presign request and the PUT, per test. */
let presignAnswer: { status: number; body: unknown };
let putStatus: number;
let putStarted: () => void;

function bodyOf(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url!, 'http://x').pathname;
    if (path === '/bucket/slow') {
      putStarted();
      return; // never answers: the test cancels it
    }
    const body = await bodyOf(request);
    seen.push({ method: request.method!, path, body, type: request.headers['content-type'] ?? '' });
    if (path === '/en/documents/uploads') {
      response.writeHead(presignAnswer.status, { 'content-type': 'application/json' });
      return response.end(JSON.stringify(presignAnswer.body));
    }
    if (path.startsWith('/bucket/')) {
      response.writeHead(putStatus);
      return response.end();
    }
    if (path === '/en/documents' && request.method === 'POST') {
      response.writeHead(303, { location: '/en/documents?done=document-added' });
      return response.end();
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<p>ok</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  presignAnswer = {
    status: 200,
    body: {
      uploadId: 'up1',
      url: `${origin}/bucket/key1`,
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
    },
  };
  putStatus = 200;
});

/** The browser's transport, with fetch for the PUT too (Node has no XMLHttpRequest). */
const transport: UploadTransport = {
  async presign(url, form, signal) {
    const answer = await fetch(url, {
      method: 'POST',
      body: form,
      signal,
    });
    return { status: answer.status, body: await answer.json().catch(() => undefined) };
  },
  put(target, file, onProgress) {
    const aborter = new AbortController();
    const answer = fetch(target.url, {
      method: 'PUT',
      headers: target.headers,
      body: file,
      signal: aborter.signal,
    }).then((response) => {
      onProgress({ loaded: file.size, total: file.size });
      return { status: response.status, url: response.url };
    });
    return { answer, abort: () => aborter.abort() };
  },
  async finalise(url, form, signal) {
    const answer = await fetch(url, { method: 'POST', body: form, signal });
    return { status: answer.status, url: answer.url };
  },
};

const pdf = () =>
  new File(['%PDF-1.4 a tiny document'], 'bluebook.pdf', { type: 'application/pdf' });

function start(file: File | undefined) {
  const fields = new FormData();
  fields.append('_csrf', 't'.repeat(43));
  fields.append('intent', 'upload-document');
  fields.append('kind', 'bluebook');
  if (file) fields.append('file', file);
  const events: UploadEvent['type'][] = [];
  const upload = uploadDocument(
    {
      file,
      fields,
      action: `${origin}/en/documents`,
      presignAction: `${origin}/en/documents/uploads`,
      csrf: { name: '_csrf', token: 't'.repeat(43) },
      maxBytes: 1024,
    },
    transport,
    (event) => events.push(event.type),
  );
  return { ...upload, events };
}

describe('uploadDocument', () => {
  it('presigns, PUTs the bytes and finalises with the fields but not the file, then goes where the page redirected', async () => {
    const { outcome, events } = start(pdf());

    expect(await outcome).toEqual({ goTo: `${origin}/en/documents?done=document-added` });
    expect(events).toEqual(['start', 'presigned', 'progress', 'sent']);
    expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /en/documents/uploads',
      'PUT /bucket/key1',
      'POST /en/documents',
      'GET /en/documents',
    ]);
    const presign = seen[0]!.body.toString();
    expect(presign).toContain('name="contentType"\r\n\r\napplication/pdf');
    expect(presign).toContain('name="size"\r\n\r\n24');
    expect(seen[1]!.body.toString()).toBe('%PDF-1.4 a tiny document');
    expect(seen[1]!.type).toBe('application/pdf');
    const finalise = seen[2]!.body.toString();
    expect(finalise).toContain('name="uploadId"\r\n\r\nup1');
    expect(finalise).toContain('name="intent"\r\n\r\nfinalise-document');
    expect(finalise).toContain('name="kind"\r\n\r\nbluebook');
    expect(finalise).not.toContain('%PDF');
  });

  it('sends nothing for a file the checks refuse', async () => {
    const large = new File([new Uint8Array(2048)], 'scan.pdf', { type: 'application/pdf' });
    const { outcome, events } = start(large);

    expect(await outcome).toEqual({ error: 'too-large' });
    expect(await start(undefined).outcome).toEqual({ error: 'none' });
    expect(seen).toEqual([]);
    expect(events).toEqual([]);
  });

  it('shows the refusal the presign route names, and PUTs nothing', async () => {
    presignAnswer = { status: 400, body: { error: 'type' } };
    const { outcome, events } = start(pdf());

    expect(await outcome).toEqual({ error: 'type' });
    expect(events).toEqual(['start', 'fail']);
    expect(seen).toHaveLength(1);
  });

  it('fails without finalising when the bucket refuses the PUT', async () => {
    putStatus = 403;
    const { outcome } = start(pdf());

    expect(await outcome).toEqual({ error: 'failed' });
    expect(seen.map(({ method }) => method)).toEqual(['POST', 'PUT']);
  });

  it('stops the PUT on cancel and never finalises', async () => {
    presignAnswer = {
      status: 200,
      body: { uploadId: 'up2', url: `${origin}/bucket/slow`, method: 'PUT', headers: {} },
    };
    const putReached = new Promise<void>((resolve) => (putStarted = resolve));
    const { outcome, cancel, events } = start(pdf());
    await putReached;
    cancel();

    expect(await outcome).toBe('cancelled');
    expect(events).toEqual(['start', 'presigned', 'cancel']);
    expect(seen.map(({ path }) => path)).toEqual(['/en/documents/uploads']);
  });
});
