import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsApi } from './cms-api';
import { undiciTransport } from './cms-transport.server';

// A loopback HTTP server stands in for the CMS: the transport is exercised over real sockets.
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const seen: Seen[] = [];
let connections = 0;
let base = '';

const server = http.createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
    const path = request.url!.split('?')[0];
    if (path === '/hang') return; // never answers
    if (path === '/busy') {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      response.end(JSON.stringify({ error: { status: 429, name: 'TooMany', message: 'slow' } }));
      return;
    }
    if (path === '/text') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('not json');
      return;
    }
    response.writeHead(path === '/created' ? 201 : 200, {
      'content-type': 'application/json',
      'x-thing': 'yes',
    });
    response.end(JSON.stringify({ data: { path, query: request.url!.split('?')[1] ?? null } }));
  });
});
server.on('connection', () => (connections += 1));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = undiciTransport();
const json = { method: 'GET' as const, headers: { accept: 'application/json' }, timeoutMs: 2000 };

describe('undiciTransport', () => {
  it('sends the method, path, query and headers, and reads status, headers and JSON', async () => {
    const reply = await send(new URL('/api/vehicles?limit=12&locale=ne', base), {
      ...json,
      headers: { ...json.headers, authorization: 'Bearer t', 'x-request-id': 'r1' },
    });
    expect(reply.status).toBe(200);
    expect(reply.header('X-Thing')).toBe('yes');
    expect(reply.header('retry-after')).toBeNull();
    expect(await reply.json()).toEqual({
      data: { path: '/api/vehicles', query: 'limit=12&locale=ne' },
    });
    const request = seen.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer t');
    expect(request.headers['x-request-id']).toBe('r1');
  });

  it('sends a JSON body', async () => {
    const reply = await send(new URL('/created', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      timeoutMs: 2000,
    });
    expect(reply.status).toBe(201);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('sends a form of files as multipart, with its boundary', async () => {
    const form = new FormData();
    form.append('files', new File(['png bytes'], 'bike.png', { type: 'image/png' }));
    const reply = await send(new URL('/upload', base), {
      method: 'POST',
      headers: {},
      body: form,
      timeoutMs: 2000,
    });
    expect(reply.status).toBe(200);
    const request = seen.at(-1)!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toContain('filename="bike.png"');
    expect(request.body).toContain('png bytes');
  });

  it('keeps connections open between calls (each answer is read whole)', async () => {
    const before = connections;
    for (let call = 0; call < 20; call += 1) {
      // Half of them never read by the caller: the connection must come back all the same.
      const reply = await send(new URL(`/api/one?n=${call}`, base), json);
      if (call % 2 === 0) await reply.json();
    }
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('gives up after the timeout with a TimeoutError', async () => {
    const started = Date.now();
    await expect(send(new URL('/hang', base), { ...json, timeoutMs: 150 })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('rejects when nothing listens, and when the body is not JSON', async () => {
    await expect(send(new URL('/x', 'http://127.0.0.1:9'), json)).rejects.toThrow();
    const reply = await send(new URL('/text', base), json);
    await expect(reply.json()).rejects.toThrow();
  });
});

describe('createCmsApi over undiciTransport', () => {
  const api = () => createCmsApi({ baseUrl: base, transport: send });
  const context = { requestId: 'req-9', clientAddress: '203.0.113.9' };

  it('parses an answer with its schema', async () => {
    const result = await api()({
      method: 'GET',
      path: '/api/ok?x=1',
      schema: z.object({ data: z.object({ path: z.string() }) }),
      context,
    });
    expect(result).toEqual({ ok: true, data: { data: { path: '/api/ok' } } });
    expect(seen.at(-1)!.headers['x-forwarded-for']).toBe('203.0.113.9');
  });

  it("keeps a refusal's status, error and Retry-After", async () => {
    const result = await api()({ method: 'GET', path: '/busy', schema: z.unknown(), context });
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: 'rejected',
        status: 429,
        name: 'TooMany',
        message: 'slow',
        retryAfterSeconds: 7,
      },
    });
  });

  it('says unreachable on a timeout, naming it', async () => {
    const result = await api()({
      method: 'GET',
      path: '/hang',
      schema: z.unknown(),
      context,
      timeoutMs: 100,
    });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });
    expect(!result.ok && 'reason' in result.problem && result.problem.reason).toMatch(
      /^TimeoutError/,
    );
  });
});
