import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createRedisCache } from '../src/lib/cache';
import { createGeocoder } from '../src/plugins/geocoding/server/src/geocoder';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

const UID = 'api::service-center.service-center';
// Long enough that the second of two concurrent savers gets the next one-second slot even on
// a loaded machine (the third may not: it falls back to the gazetteer).
const TIMEOUT_MS = 3500;
const ADMIN = { email: 'geo-admin@example.com', password: 'Geocoding-Admin-2026' };
const EDITOR = { email: 'geo-author@example.com', password: 'Geocoding-Author-2026' };

interface Seen {
  at: number;
  q: string;
  params: URLSearchParams;
  userAgent: string | undefined;
}

type Handler = (q: string, response: ServerResponse, request: IncomingMessage) => void;

/** A loopback Nominatim: `/search?q=…&format=jsonv2`; each test sets how it answers. */
interface FakeNominatim {
  url: string;
  seen: Seen[];
  handler: Handler;
  close(): Promise<void>;
}

const json = (response: ServerResponse, body: unknown, status = 200) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

/** Known places of the fake: a word in the query → its point. */
const PLACES: Record<string, { lat: string; lon: string }> = {
  thamel: { lat: '27.715300', lon: '85.312300' },
  lakeside: { lat: '28.209600', lon: '83.959600' },
  bhairahawa: { lat: '27.505000', lon: '83.448000' },
  newroad: { lat: '27.704200', lon: '85.307000' },
  ratnapark: { lat: '27.706000', lon: '85.315000' },
};

const answerKnown: Handler = (q, response) => {
  const word = Object.keys(PLACES).find((key) => q.toLowerCase().replace(/\s/g, '').includes(key));
  json(response, word ? [{ ...PLACES[word], display_name: word, place_id: 1 }] : []);
};

async function startFakeNominatim(): Promise<FakeNominatim> {
  const fake: FakeNominatim = {
    url: '',
    seen: [],
    handler: answerKnown,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/search') return json(res, { error: 'not found' }, 404);
    const q = url.searchParams.get('q') ?? '';
    fake.seen.push({
      at: Date.now(),
      q,
      params: url.searchParams,
      userAgent: req.headers['user-agent'],
    });
    fake.handler(q, res, req);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

const gaps = (times: number[]) =>
  [...times]
    .sort((a, b) => a - b)
    .flatMap((at, index, all) => (index ? [at - all[index - 1]] : []));

describe('geocoding plugin: service centers placed on save (PostgreSQL, loopback provider)', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let fake: FakeNominatim;
  let admin: { authorization: string };
  let editor: { authorization: string };
  let counter = 0;

  const http = () => request(app.strapi.server.httpServer);
  const documents = () => app.strapi.documents(UID as never);
  const geocoder = () => app.strapi.plugin('geocoding').service('geocoder');
  const center = (data: Record<string, unknown>, locale = 'en') => {
    counter += 1;
    return documents().create({
      locale,
      data: { name: `Center ${counter}`, slug: `center-${counter}-${Date.now()}`, ...data },
    } as never) as Promise<Record<string, unknown>>;
  };
  const rows = (documentId: string) =>
    app.strapi.db
      .connection('service_centers')
      .where({ document_id: documentId })
      .orderBy('locale') as Promise<Array<Record<string, unknown>>>;
  /** The sum of a series' samples (name with labels, e.g. `x_total{reason="http"}`). */
  const metric = async (name: string) => {
    const services = app.strapi.get('services') as { get(uid: string): unknown };
    const { registry } = services.get('global::metrics') as {
      registry: { metrics(): Promise<string> };
    };
    const text = await registry.metrics();
    return text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await startFakeNominatim();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        GEOCODER_URL: fake.url,
        GEOCODER_USER_AGENT: 'MotorGhar-test/1.0',
        GEOCODER_EMAIL: 'maps@motorghar.test',
        GEOCODER_TIMEOUT_MS: String(TIMEOUT_MS),
        GEOCODER_CACHE_TTL_SECONDS: '600',
        GEOCODER_MIN_INTERVAL_MS: '1000',
      }),
    );
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Geo',
      lastname: 'Admin',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    // A role with no permission at all: it may not update centers.
    const author = await app.strapi.service('admin::role').create({
      name: 'Geo viewer',
      description: 'No permissions',
    });
    await app.strapi.service('admin::user').create({
      ...EDITOR,
      firstname: 'Geo',
      lastname: 'Author',
      isActive: true,
      registrationToken: null,
      roles: [author.id],
    });
    const login = await http().post('/admin/login').send(ADMIN);
    admin = { authorization: `Bearer ${login.body.data.token as string}` };
    const authorLogin = await http().post('/admin/login').send(EDITOR);
    editor = { authorization: `Bearer ${authorLogin.body.data.token as string}` };
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await fake?.close();
    await db?.drop();
  });

  beforeEach(() => {
    fake.handler = answerKnown;
  });

  it('asks the provider on a miss (Nominatim parameters, Nepal only) and stores its point', async () => {
    const before = fake.seen.length;
    const saved = await center({
      address: 'Thamel Marg 12',
      city: 'Kathmandu',
      district: 'kathmandu',
    });
    expect(fake.seen.length).toBe(before + 1);
    const asked = fake.seen[fake.seen.length - 1];
    expect(asked.params.get('format')).toBe('jsonv2');
    expect(asked.params.get('countrycodes')).toBe('np');
    expect(asked.params.get('email')).toBe('maps@motorghar.test');
    expect(asked.userAgent).toBe('MotorGhar-test/1.0');
    expect(asked.q).toContain('Thamel Marg 12');
    expect(saved).toMatchObject({
      latitude: 27.7153,
      longitude: 85.3123,
      coordinatesSource: 'provider',
      needsCoordinates: false,
    });
    expect(saved.geocodedAt).toBeTruthy();
  });

  it('answers a second save of the same address from the cache: no provider request', async () => {
    await center({ address: 'Lakeside, Baidam', city: 'Pokhara', district: 'kaski' });
    const hitsBefore = await metric('geocoder_cache_hits_total');
    const before = fake.seen.length;
    const second = await center({
      address: 'Lakeside, Baidam',
      city: 'Pokhara',
      district: 'kaski',
    });
    expect(fake.seen.length).toBe(before);
    expect(second).toMatchObject({ latitude: 28.2096, coordinatesSource: 'provider' });
    expect(await metric('geocoder_cache_hits_total')).toBe(hitsBefore + 1);
  });

  it.each([
    [
      'down (HTTP 503)',
      ((_q, response) => json(response, { error: 'busy' }, 503)) as Handler,
      'http',
    ],
    [
      'down (connection reset)',
      ((_q, _response, req) => req.socket.destroy()) as Handler,
      'network',
    ],
    [
      'answering a point outside Nepal',
      ((_q, response) =>
        json(response, [{ lat: '28.6139', lon: '77.2090', display_name: 'New Delhi' }])) as Handler,
      'outside',
    ],
    [
      'answering garbage',
      ((_q, response) => json(response, { results: 'none' })) as Handler,
      'invalid',
    ],
  ])('falls back to the gazetteer when the provider is %s', async (_label, handler, reason) => {
    fake.handler = handler;
    const failures = await metric(`geocoder_provider_failures_total{reason="${reason}"}`);
    const fallbacks = await metric('geocoder_gazetteer_fallbacks_total{match="town"}');
    const saved = await center({
      address: `Bus Park ${counter}`,
      city: 'Butwal',
      district: 'rupandehi',
    });
    expect(saved).toMatchObject({ coordinatesSource: 'gazetteer', needsCoordinates: false });
    expect(Number(saved.latitude)).toBeCloseTo(27.7, 1);
    expect(Number(saved.longitude)).toBeCloseTo(83.45, 1);
    expect(await metric(`geocoder_provider_failures_total{reason="${reason}"}`)).toBe(failures + 1);
    expect(await metric('geocoder_gazetteer_fallbacks_total{match="town"}')).toBe(fallbacks + 1);
  });

  it('never lets a slow provider hold a save beyond the timeout: the gazetteer answers', async () => {
    fake.handler = (_q, response) => setTimeout(() => json(response, [PLACES.thamel]), 5000);
    const started = Date.now();
    const saved = await center({ address: `Slow lane ${counter}`, district: 'dolpa' });
    const took = Date.now() - started;
    expect(took).toBeLessThan(TIMEOUT_MS + 800);
    expect(saved).toMatchObject({ coordinatesSource: 'gazetteer', needsCoordinates: false });
    expect(await metric('geocoder_provider_failures_total{reason="timeout"}')).toBeGreaterThan(0);
  });

  it('flags a center nothing can place: needs coordinates, and counts it', async () => {
    const unresolved = await metric('geocoder_unresolved_total');
    // A draft may be saved before its district is chosen.
    const saved = await center({ address: 'Unit 7, Nowhere Street' });
    expect(saved).toMatchObject({
      latitude: null,
      longitude: null,
      coordinatesSource: null,
      needsCoordinates: true,
    });
    expect(await metric('geocoder_unresolved_total')).toBe(unresolved + 1);
    // The admin list filter: the content manager lists it under needsCoordinates=true.
    const list = await http()
      .get(`/content-manager/collection-types/${UID}`)
      .query({ 'filters[$and][0][needsCoordinates][$eq]': 'true' })
      .set(admin);
    expect(list.status).toBe(200);
    expect(list.body.results.map((row: { documentId: string }) => row.documentId)).toContain(
      saved.documentId,
    );
  });

  it('keeps coordinates an admin set by hand, through later updates and "geocode again"', async () => {
    const saved = await center({
      address: 'Thamel Marg 99',
      district: 'kathmandu',
      latitude: 27.7,
      longitude: 85.33,
    });
    expect(saved).toMatchObject({ coordinatesSource: 'manual', latitude: 27.7, longitude: 85.33 });
    const documentId = saved.documentId as string;
    // The edit view sends every field back, a new address too; a bare update sends none.
    const edited = (await documents().update({
      documentId,
      locale: 'en',
      data: {
        address: 'Ratnapark 1',
        latitude: 27.7,
        longitude: 85.33,
        coordinatesSource: 'provider',
      },
    } as never)) as unknown as Record<string, unknown>;
    expect(edited).toMatchObject({ coordinatesSource: 'manual', latitude: 27.7, longitude: 85.33 });
    await documents().update({
      documentId,
      locale: 'en',
      data: { description: 'Open late' },
    } as never);
    const again = await http().post(`/geocoding/service-centers/${documentId}/geocode`).set(admin);
    expect(again.status).toBe(409);
    expect(again.body.error.details.errors[0].path).toEqual(['coordinatesSource']);
    for (const row of await rows(documentId)) {
      expect(row).toMatchObject({ coordinates_source: 'manual' });
      expect(Number(row.latitude)).toBe(27.7);
    }
    // A new hand-set point replaces the old one.
    const moved = (await documents().update({
      documentId,
      locale: 'en',
      data: { latitude: 27.71, longitude: 85.31 },
    } as never)) as unknown as Record<string, unknown>;
    expect(moved).toMatchObject({ coordinatesSource: 'manual', latitude: 27.71 });
  });

  it('geocodes once per document, not per locale, and re-places a found point when the address moves', async () => {
    const saved = await center({ address: 'New Road Gate', district: 'kathmandu' });
    expect(saved).toMatchObject({ coordinatesSource: 'provider', latitude: 27.7042 });
    const documentId = saved.documentId as string;
    const before = fake.seen.length;
    const nepali = (await documents().update({
      documentId,
      locale: 'ne',
      data: { name: 'न्यू रोड सेवा केन्द्र', address: 'न्यू रोड गेट', district: 'kathmandu' },
    } as never)) as unknown as Record<string, unknown>;
    expect(fake.seen.length).toBe(before);
    expect(nepali).toMatchObject({ coordinatesSource: 'provider', latitude: 27.7042 });
    const moved = (await documents().update({
      documentId,
      locale: 'en',
      data: { address: 'Bhairahawa Main Road', district: 'rupandehi' },
    } as never)) as unknown as Record<string, unknown>;
    expect(moved).toMatchObject({ coordinatesSource: 'provider', latitude: 27.505 });
    for (const row of await rows(documentId)) expect(Number(row.latitude)).toBe(27.505);
  });

  it('"geocode again" clears a found point and runs the chain afresh, for admins who may update centers', async () => {
    fake.handler = (_q, response) => json(response, [], 200);
    const saved = await center({ address: 'Nowhere Lane 4', district: 'jhapa' });
    expect(saved).toMatchObject({ coordinatesSource: 'gazetteer' });
    const documentId = saved.documentId as string;
    fake.handler = (_q, response) => json(response, [{ lat: '26.6646', lon: '87.2718' }]);
    // The cache holds the provider's "no such place"; geocode again skips reading it.
    const again = await http().post(`/geocoding/service-centers/${documentId}/geocode`).set(admin);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ coordinatesSource: 'provider', latitude: 26.6646 });
    for (const row of await rows(documentId)) expect(row.coordinates_source).toBe('provider');

    const missing = await http()
      .post('/geocoding/service-centers/nosuchdocument00/geocode')
      .set(admin);
    expect(missing.status).toBe(404);
    expect(missing.body.error.details.errors[0].path).toEqual(['documentId']);
    expect((await http().post(`/geocoding/service-centers/${documentId}/geocode`)).status).toBe(
      401,
    );
    const author = await http()
      .post(`/geocoding/service-centers/${documentId}/geocode`)
      .set(editor);
    expect(author.status).toBe(403);
  });

  it('spaces provider requests at least one interval apart between concurrent savers (in-process)', async () => {
    const start = fake.seen.length;
    const addresses = ['Thamel Chowk A', 'Thamel Chowk B', 'Thamel Chowk C'];
    const results = await Promise.all(
      addresses.map((address) => geocoder().geocode({ address, district: 'kathmandu' })),
    );
    const times = fake.seen.slice(start).map((seen) => seen.at);
    expect(times.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(1000);
    // The one that found no slot within the timeout is placed by the gazetteer, not lost.
    for (const result of results) expect(result).not.toBeNull();
  });

  it('saves even when the geocoder breaks: logged and counted, never failed', async () => {
    const plugin = app.strapi.plugin('geocoding').service('geocoder');
    const saved = await center({ address: 'Broken Lane', district: 'kathmandu' });
    // The plugin's own read of the document fails; everything else works.
    const db = app.strapi.db as unknown as { query(uid: string): Record<string, unknown> };
    const query = db.query;
    db.query = (uid: string) => {
      const repository = query.call(app.strapi.db, uid);
      if (uid !== UID) return repository;
      const findMany = repository.findMany as (params: { select?: string[] }) => Promise<unknown>;
      return Object.assign(Object.create(repository), {
        findMany: (params: { select?: string[] }) =>
          params?.select?.includes('coordinatesSource')
            ? Promise.reject(new Error('database hiccup'))
            : findMany.call(repository, params),
      });
    };
    try {
      const updated = await documents()
        .update({
          documentId: saved.documentId,
          locale: 'en',
          data: { description: 'Still saves', latitude: null, longitude: null },
        } as never)
        .catch((error: Error) => error);
      expect(updated).not.toBeInstanceOf(Error);
      expect(updated).toMatchObject({ description: 'Still saves' });
    } finally {
      db.query = query;
    }
    expect(await metric('geocoder_errors_total{stage="save"}')).toBeGreaterThan(0);
    expect(plugin.reverse(27.7, 85.32)).toEqual({ district: 'kathmandu', province: 'bagmati' });
    expect(plugin.reverse(28.61, 77.2)).toBeNull();
  });
});

describe('geocoding: one provider request per interval across instances sharing Redis', () => {
  let fake: FakeNominatim;
  const prefix = `mg-test:geo-${Date.now()}:`;
  const caches = [0, 1].map(() => createRedisCache({ url: TEST_REDIS_URL, prefix }));

  beforeAll(async () => {
    fake = await startFakeNominatim();
  });
  afterAll(async () => {
    await caches[0].deleteByPrefix('');
    await Promise.all(caches.map((cache) => cache.close()));
    await fake.close();
  });

  it('two independent limiters (two connections, one Redis) never send within 1 s of each other', async () => {
    const config = {
      serviceCenterUid: UID,
      providerUrl: fake.url,
      userAgent: 'MotorGhar-test/1.0',
      email: null,
      timeoutMs: 5000,
      cacheTtlSeconds: 60,
      minIntervalMs: 1000,
    };
    const [one, two] = caches.map((cache) => createGeocoder({ config, cache }));
    const results = await Promise.all([
      one.geocode({ address: 'Thamel 1', district: 'kathmandu' }),
      two.geocode({ address: 'Thamel 2', district: 'kathmandu' }),
      one.geocode({ address: 'Lakeside 3', district: 'kaski' }),
      two.geocode({ address: 'Lakeside 4', district: 'kaski' }),
    ]);
    const times = fake.seen.map((seen) => seen.at);
    expect(times).toHaveLength(4);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(results.map((result) => result?.source)).toEqual(Array(4).fill('provider'));
  });
});
