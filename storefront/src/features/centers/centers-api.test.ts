import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCmsApi } from '~/lib/cms-api';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { centerListPath, createCentersApi } from './centers-api';
import { centerDetail, centerSummary } from './fixtures/centers';

/**
 * A loopback CMS answering the service-center routes exactly as CONTRACTS.md has them: the
 * list (400 naming `near` outside Nepal), one center by id or slug (404 unknown), and an
 * owner's saved centers (save 201 then 200, unsave 204 then 404).
 */
let server: Server;
let calls: Array<{ method: string; url: string; authorization?: string; body?: unknown }>;
let savedIds: Set<string>;
let api: ReturnType<typeof createCentersApi>;

const owner: OwnerRequest = { accessToken: 'jwt', locale: 'ne', context: { requestId: 'req' } };
const visitor = { locale: 'en', context: { requestId: 'req' } };
const page = (data: unknown[], nextCursor: string | null) => ({
  data,
  meta: { pagination: { limit: 20, nextCursor } },
});
const refusal = (status: number, field?: string) => ({
  data: null,
  error: {
    status,
    name: status === 404 ? 'NotFoundError' : 'ValidationError',
    message: 'refused',
    details: field ? { errors: [{ path: [field], message: 'invalid' }] } : {},
  },
});

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://cms');
      const text = Buffer.concat(chunks).toString();
      calls.push({
        method: request.method!,
        url: request.url!,
        authorization: request.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      });
      const json = (status: number, value?: unknown) =>
        value === undefined
          ? response.writeHead(status).end()
          : response
              .writeHead(status, { 'Content-Type': 'application/json' })
              .end(JSON.stringify(value));
      const signedIn = request.headers.authorization === 'Bearer jwt';
      if (request.method === 'GET' && url.pathname === '/api/service-centers') {
        const near = url.searchParams.get('near');
        if (near && Number(near.split(',')[0]) < 26) return json(400, refusal(400, 'near'));
        return json(200, page([centerSummary({ distanceKm: near ? 2.4 : null })], 'next-1'));
      }
      const one = /^\/api\/service-centers\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'GET' && one) {
        return decodeURIComponent(one[1]!) === 'bagmati-auto-works'
          ? json(200, { data: centerDetail() })
          : json(404, refusal(404));
      }
      if (!url.pathname.startsWith('/api/saved-centers')) return json(404, refusal(404));
      if (!signedIn) return json(401, refusal(401));
      if (request.method === 'GET') {
        return json(
          200,
          page(
            [...savedIds].map((id) => ({
              ...centerSummary({ id }),
              savedAt: '2026-11-30T10:00:00.000Z',
            })),
            null,
          ),
        );
      }
      if (request.method === 'POST') {
        const id = (JSON.parse(text) as { data: { center: string } }).data.center;
        if (id !== 'c1abc') return json(404, refusal(404, 'center'));
        const again = savedIds.has(id);
        savedIds.add(id);
        return json(again ? 200 : 201, {
          data: { ...centerSummary(), savedAt: '2026-12-01T10:00:00.000Z' },
        });
      }
      const gone = /^\/api\/saved-centers\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'DELETE' && gone) {
        return savedIds.delete(decodeURIComponent(gone[1]!)) ? json(204) : json(404, refusal(404));
      }
      return json(405, refusal(405));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api = createCentersApi(createCmsApi({ baseUrl: `http://127.0.0.1:${port}` }));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  calls = [];
  savedIds = new Set();
});

describe('centerListPath', () => {
  it('sends only the filters given, radius only with a point, and one page size', () => {
    expect(centerListPath('ne', {})).toBe('/api/service-centers?locale=ne&limit=20');
    expect(centerListPath('en', { radiusKm: 10 })).toBe('/api/service-centers?locale=en&limit=20');
    expect(
      centerListPath('en', {
        near: { lat: 27.7, lng: 85.32 },
        radiusKm: 50,
        district: 'kaski',
        service: 'oil-change',
        make: 'mk 1',
        openNow: true,
        cursor: 'abc',
      }),
    ).toBe(
      '/api/service-centers?locale=en&near=27.7%2C85.32&radiusKm=50&district=kaski&service=oil-change&make=mk+1&openNow=true&limit=20&cursor=abc',
    );
  });
});

describe('createCentersApi against a loopback CMS', () => {
  it('lists a page of centers with their distance and the next cursor', async () => {
    const result = await api.list(visitor, { near: { lat: 27.7, lng: 85.3 }, radiusKm: 25 });
    expect(result).toMatchObject({
      ok: true,
      data: {
        items: [{ id: 'c1abc', distanceKm: 2.4, district: { code: 'kathmandu' } }],
        nextCursor: 'next-1',
      },
    });
    expect(calls[0]!.authorization).toBeUndefined();
  });

  it('passes the CMS’s refusal through with the field it names', async () => {
    const result = await api.list(visitor, { near: { lat: 20, lng: 85 } });
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'rejected', status: 400, details: { errors: [{ path: ['near'] }] } },
    });
  });

  it('refuses an answer that breaks the contract rather than showing half a center', async () => {
    const broken = createCentersApi(async (call) => {
      const parsed = call.schema.safeParse({
        data: [{ id: 'x', name: 'No slug' }],
        meta: { pagination: {} },
      });
      return parsed.success
        ? { ok: true, data: parsed.data }
        : { ok: false, problem: { kind: 'invalid-response', status: 200, reason: 'schema' } };
    });
    expect(await broken.list(visitor, {})).toMatchObject({
      ok: false,
      problem: { kind: 'invalid-response' },
    });
  });

  it('reads one center by slug with hours and photos; unknown is a 404', async () => {
    const found = await api.get(visitor, 'bagmati-auto-works');
    expect(found.ok && [found.data.openingHours[0]?.day, found.data.photos[0]?.url]).toEqual([
      'sunday',
      '/uploads/workshop.jpg',
    ]);
    expect(calls[0]!.url).toBe('/api/service-centers/bagmati-auto-works?locale=en');
    expect(await api.get(visitor, 'a/b')).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(calls[1]!.url).toBe('/api/service-centers/a%2Fb?locale=en');
  });

  it('saves (twice is fine), lists and unsaves a center with the owner’s token', async () => {
    expect(await api.save(owner, 'c1abc')).toMatchObject({ ok: true, data: { id: 'c1abc' } });
    expect(await api.save(owner, 'c1abc')).toMatchObject({ ok: true });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/saved-centers?locale=ne',
      authorization: 'Bearer jwt',
      body: { data: { center: 'c1abc' } },
    });
    expect(await api.saved(owner)).toMatchObject({
      ok: true,
      data: { items: [{ id: 'c1abc', savedAt: '2026-11-30T10:00:00.000Z' }] },
    });
    expect(calls[2]!.url).toBe('/api/saved-centers?locale=ne&limit=100');
    expect(await api.unsave(owner, 'c1abc')).toMatchObject({ ok: true });
    expect(await api.unsave(owner, 'c1abc')).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await api.save(owner, 'nope')).toMatchObject({
      ok: false,
      problem: { status: 404, details: { errors: [{ path: ['center'] }] } },
    });
  });

  it('is refused without a session (the portal then asks the visitor to log in)', async () => {
    expect(await api.saved({ ...owner, accessToken: 'stale' })).toMatchObject({
      ok: false,
      problem: { status: 401 },
    });
  });
});
