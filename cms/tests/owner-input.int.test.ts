import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { OPENAPI_DOCUMENT_PATH } from '../src/lib/openapi';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
  catalogIds,
} from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const PASSWORD = 'Annapurna-Base-Camp-4130';

interface ErrorDetail {
  path: string[];
  message: string;
}

/** The paths every detail of a Strapi 400 names. */
const namedPaths = (body: { error?: { details?: { errors?: ErrorDetail[] } } }) =>
  (body.error?.details?.errors ?? []).map((detail) => detail.path.join('.'));

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; schema?: Record<string, unknown> }>;
  requestBody?: {
    content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
  };
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

/**
 * Write routes of the content API that take no `{ data: { … } }` body, each with the reason.
 * A write route added to the document must either take the envelope (and is then covered by
 * the table test below) or be listed here.
 */
const EXEMPT_WRITE_ROUTES: Record<string, string> = {
  'POST /vehicles/{id}/photos': 'multipart upload, field `files`; tested on its own below',
  'PUT /documents/uploads/{uploadId}':
    "a document's raw bytes to the private folder (signed link); documents-local.int.test.ts",
  'POST /service-records/{id}/cancel': 'takes no body; tested in service-records.int.test.ts',
  'POST /calendar/token': 'takes no body (creates or rotates the feed token); calendar.int',
  'POST /reminders/{id}/dismiss': 'takes no body; tests/reminders.int.test.ts',
  'POST /email': 'stock email plugin; no role is granted it',
  'POST /upload': 'stock upload plugin (multipart); no owner role is granted it',
  'POST /auth/local': 'stock users-permissions: flat body by its contract',
  'POST /auth/local/register': 'stock users-permissions: flat body by its contract',
  'POST /auth/forgot-password': 'stock users-permissions: flat body by its contract',
  'POST /auth/reset-password': 'stock users-permissions: flat body by its contract',
  'POST /auth/send-email-confirmation': 'stock users-permissions: flat body by its contract',
  'POST /auth/change-password': 'stock users-permissions: flat body by its contract',
  'POST /auth/refresh': 'stock users-permissions: flat body by its contract',
  'POST /auth/logout': 'stock users-permissions: flat body by its contract',
  'POST /users': 'stock users-permissions admin route; no owner role is granted it',
  'PUT /users/{id}': 'stock users-permissions admin route; no owner role is granted it',
  'POST /users-permissions/roles': 'stock users-permissions admin route; not granted',
  'PUT /users-permissions/roles/{role}': 'stock users-permissions admin route; not granted',
};

const WRITE_METHODS = ['post', 'put', 'patch'];

describe('owner input on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let redis: Redis;
  let cachePrefix: string;
  let catalog: { bajaj: string; pulsar: string; twinDisc: string };
  let plate = 0;
  /** One owner for the whole file: registration is rate-limited per address. */
  let owner: Owner;
  const http = () => request(app.strapi.server.httpServer);

  const nextPlate = () => {
    plate += 1;
    return `GA ${1 + Math.floor(plate / 9000)} KHA ${1000 + (plate % 9000)}`;
  };

  async function signUp() {
    const email = `input-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD });
    expect(response.status).toBe(200);
    const jwt = response.body.jwt as string;
    const auth = { authorization: `Bearer ${jwt}` };
    return {
      jwt,
      id: response.body.user.id as number,
      get: (url: string) => http().get(url).set(auth),
      post: (url: string, data: object) => http().post(url).set(auth).send({ data }),
      put: (url: string, data: object) => http().put(url).set(auth).send({ data }),
      /** Sends `body` exactly as given, JSON-encoded, envelope or not. */
      raw: (method: string, url: string, body?: string) => {
        const call = http()[method.toLowerCase() as 'post'](url).set(auth);
        return body === undefined ? call : call.set('content-type', 'application/json').send(body);
      },
    };
  }
  type Owner = Awaited<ReturnType<typeof signUp>>;

  async function addVehicle(owner: Owner, overrides: object = {}) {
    const response = await owner.post('/api/vehicles', {
      makeId: catalog.bajaj,
      modelId: catalog.pulsar,
      trimId: catalog.twinDisc,
      year: 2019,
      registrationNumber: nextPlate(),
      odometerKm: 12500,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body.data as { id: string; odometerKm: number | null };
  }

  const history = async (owner: Owner, vehicleId: string) =>
    (
      (await owner.get(`/api/vehicles/${vehicleId}/odometer?limit=100`)).body.data as Array<{
        readingKm: number;
        correction: boolean;
      }>
    ).map((reading) => [reading.readingKm, reading.correction]);

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL });
    cachePrefix = env.CACHE_PREFIX;
    app = await bootStrapi(env);
    redis = new Redis(TEST_REDIS_URL);
    await seedCatalog(app.strapi, FIXTURE);
    const { make: bajaj, model: pulsar } = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    const detail = (await http().get(`/api/catalog/models/${pulsar}`)).body.data;
    const twinDisc = detail.trims.find((trim: { slug: string }) => trim.slug === 'twin-disc').id;
    catalog = { bajaj, pulsar, twinDisc };
    owner = await signUp();
  });

  afterAll(async () => {
    redis?.disconnect();
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('odometer: the recorded history is the floor on every path', () => {
    it('refuses to clear odometerKm while readings exist, and a later lower reading still needs a correction', async () => {
      const vehicle = await addVehicle(owner);

      const cleared = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerKm: null });
      expect(cleared.status).toBe(400);
      expect(namedPaths(cleared.body)).toEqual(['odometerKm']);

      const lower = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 1 });
      expect(lower.status).toBe(400);
      expect(namedPaths(lower.body)).toEqual(['readingKm']);
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.odometerKm).toBe(12500);
      expect(await history(owner, vehicle.id)).toEqual([[12500, false]]);
    });

    it('takes the floor from the readings even when the vehicle row has lost its odometerKm', async () => {
      const vehicle = await addVehicle(owner);
      // As an admin edit in the content manager, or data from before this rule, would leave it.
      await app.strapi.db
        .query('api::vehicle.vehicle')
        .update({ where: { documentId: vehicle.id }, data: { odometerKm: null } });

      const lower = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 1 });
      expect(lower.status).toBe(400);
      expect(namedPaths(lower.body)).toEqual(['readingKm']);
      const viaPut = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerKm: 2 });
      expect(viaPut.status).toBe(400);
      expect(namedPaths(viaPut.body)).toEqual(['odometerKm']);
      expect(await history(owner, vehicle.id)).toEqual([[12500, false]]);
    });

    it('refuses a PUT lower than the last reading, naming odometerKm, and changes nothing', async () => {
      const vehicle = await addVehicle(owner);

      const lower = await owner.put(`/api/vehicles/${vehicle.id}`, {
        odometerKm: 12000,
        nickname: 'Should not stick',
      });
      expect(lower.status).toBe(400);
      expect(namedPaths(lower.body)).toEqual(['odometerKm']);
      const after = (await owner.get(`/api/vehicles/${vehicle.id}`)).body.data;
      expect(after).toMatchObject({ odometerKm: 12500, nickname: null });
      expect(await history(owner, vehicle.id)).toEqual([[12500, false]]);
    });

    it('accepts a lower PUT marked as a correction and records it as one', async () => {
      const vehicle = await addVehicle(owner);

      const corrected = await owner.put(`/api/vehicles/${vehicle.id}`, {
        odometerKm: 12000,
        odometerCorrection: true,
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.data.odometerKm).toBe(12000);
      expect(await history(owner, vehicle.id)).toEqual([
        [12000, true],
        [12500, false],
      ]);
      // The corrected reading is the new floor: a reading above it needs no correction.
      const next = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 12100 });
      expect(next.status).toBe(201);
      expect(next.body.data.correction).toBe(false);
    });

    it('refuses odometerCorrection without odometerKm, naming it', async () => {
      const vehicle = await addVehicle(owner);
      const response = await owner.put(`/api/vehicles/${vehicle.id}`, {
        odometerCorrection: true,
      });
      expect(response.status).toBe(400);
      expect(namedPaths(response.body)).toEqual(['odometerCorrection']);
    });

    it('lets a vehicle without readings keep odometerKm null, and starts its history on the first value', async () => {
      const vehicle = await addVehicle(owner, { odometerKm: null });
      expect(vehicle.odometerKm).toBeNull();

      const stillNull = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerKm: null });
      expect(stillNull.status).toBe(200);
      expect(await history(owner, vehicle.id)).toEqual([]);

      const first = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerKm: 800 });
      expect(first.body.data.odometerKm).toBe(800);
      const lower = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 700 });
      expect(lower.status).toBe(400);
      expect(await history(owner, vehicle.id)).toEqual([[800, false]]);
    });

    it('never lets concurrent readings go down: each accepted one is at least the one before', async () => {
      const vehicle = await addVehicle(owner);
      const odometer = app.strapi.service('api::vehicle.odometer') as unknown as {
        addReading(
          ownerId: number,
          id: string,
          input: { readingKm: number; correction: boolean },
        ): Promise<unknown>;
      };
      // Highest first: without a lock every one of them passes the check against 12500.
      const readings = Array.from({ length: 8 }, (_, index) => 20000 - index * 500);
      const outcomes = await Promise.allSettled(
        readings.map((readingKm) =>
          odometer.addReading(owner.id, vehicle.id, { readingKm, correction: false }),
        ),
      );
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect((outcome.reason as Error).name).toBe('ValidationError');
        }
      }
      const accepted = (await history(owner, vehicle.id)).map(([km]) => km as number).reverse();
      for (let index = 1; index < accepted.length; index += 1) {
        expect(accepted[index]).toBeGreaterThanOrEqual(accepted[index - 1]);
      }
      const detail = (await owner.get(`/api/vehicles/${vehicle.id}`)).body.data;
      expect(detail.odometerKm).toBe(accepted[accepted.length - 1]);
    });
  });

  describe('write bodies are { data: { … } }', () => {
    it('refuses PUT /api/profile without the envelope, naming data, and changes nothing', async () => {
      const response = await owner.raw('PUT', '/api/profile', '{"preferredLocale":"ne"}');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        data: null,
        error: { status: 400, name: 'ValidationError' },
      });
      expect(response.body.error.message).toContain('Request body must be { data: { ... } }');
      expect(namedPaths(response.body)).toEqual(['data']);
      expect((await owner.get('/api/profile')).body.data.preferredLocale).toBe('en');
    });

    it('refuses a flat POST /api/vehicles naming data, not makeId', async () => {
      const before = (await owner.get('/api/vehicles?limit=100')).body.data;
      const response = await owner.raw(
        'POST',
        '/api/vehicles',
        JSON.stringify({
          makeId: catalog.bajaj,
          modelId: catalog.pulsar,
          year: 2019,
          registrationNumber: nextPlate(),
        }),
      );
      expect(response.status).toBe(400);
      expect(namedPaths(response.body)).toEqual(['data']);
      expect((await owner.get('/api/vehicles?limit=100')).body.data).toEqual(before);
    });

    it.each([
      ['an array', 'data', '[{"data":{"displayName":"X"}}]'],
      ['an empty object', 'data', '{}'],
      ['data as an array', 'data', '{"data":[{"displayName":"X"}]}'],
      ['data as null', 'data', '{"data":null}'],
      ['data as a string', 'data', '{"data":"displayName"}'],
      ['a key beside data', 'displayName', '{"data":{"displayName":"X"},"displayName":"Y"}'],
      ['an unknown field in data', 'isAdmin', '{"data":{"displayName":"X","isAdmin":true}}'],
      [
        'an unknown nested field',
        'notificationChannels.fax',
        '{"data":{"notificationChannels":{"fax":true}}}',
      ],
    ])('refuses %s as a profile change, naming %s', async (_what, named, body) => {
      const before = (await owner.get('/api/profile')).body.data;
      const response = await owner.raw('PUT', '/api/profile', body);
      expect(response.status).toBe(400);
      expect(namedPaths(response.body)).toContain(named);
      expect(response.body.error.message).toContain(named);
      expect((await owner.get('/api/profile')).body.data).toEqual(before);
    });

    // JSON that is neither an object nor an array never reaches a route: the body parser
    // refuses it (strict JSON), in Strapi's error shape, before anything can act on it.
    it.each([
      ['null', 'null'],
      ['a string', '"data"'],
      ['a number', '42'],
      ['true', 'true'],
    ])('refuses %s as a body with 400 before any route runs', async (_what, body) => {
      const before = (await owner.get('/api/profile')).body.data;
      const response = await owner.raw('PUT', '/api/profile', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        data: null,
        error: { status: 400, message: 'The request body must be a JSON object or array' },
      });
      expect((await owner.get('/api/profile')).body.data).toEqual(before);
    });

    it('refuses a write with no body at all, naming data', async () => {
      const vehicle = await addVehicle(owner);
      const response = await owner.raw('PUT', `/api/vehicles/${vehicle.id}`);
      expect(response.status).toBe(400);
      expect(namedPaths(response.body)).toEqual(['data']);
    });

    it('refuses, on every envelope write route of the OpenAPI document, a flat body naming data, an unknown field naming it, and an empty data naming data, changing nothing', async () => {
      const document = JSON.parse(
        readFileSync(path.join(__dirname, '..', OPENAPI_DOCUMENT_PATH), 'utf8'),
      ) as OpenApiDocument;
      const vehicle = await addVehicle(owner);
      const note = (await owner.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'Chain oiled' }))
        .body.data as { id: string };
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      const target = (
        await owner.post('/api/documents/uploads', {
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          size: pdf.length,
        })
      ).body.data as { uploadId: string; url: string; headers: Record<string, string> };
      await http().put(target.url).set(target.headers).send(pdf).expect(204);
      await owner.post('/api/documents', { uploadId: target.uploadId, kind: 'other' }).expect(201);
      const serviceRecord = (
        await owner.post('/api/service-records', {
          vehicleId: vehicle.id,
          scheduledAt: '2026-12-20T10:30:00+05:45',
          kind: 'general-service',
        })
      ).body.data as { id: string };
      const reminder = (
        await owner.post('/api/reminders', {
          vehicleId: vehicle.id,
          kind: 'oil-change',
          dueKm: 20_000,
        })
      ).body.data as { id: string };
      // The owner's record each path parameter stands for, by the collection it follows.
      const idAfter: Record<string, string> = {
        vehicles: vehicle.id,
        notes: note.id,
        documents: target.uploadId,
        'service-records': serviceRecord.id,
        reminders: reminder.id,
        // Checked before any lookup: the body is refused whatever the recall.
        recalls: 'no-such-recall',
      };
      const snapshot = async () => ({
        profile: (await owner.get('/api/profile')).body,
        vehicles: (await owner.get('/api/vehicles')).body,
        notes: (await owner.get(`/api/vehicles/${vehicle.id}/notes`)).body,
        odometer: (await owner.get(`/api/vehicles/${vehicle.id}/odometer`)).body,
        documents: (await owner.get('/api/documents')).body,
        serviceRecords: (await owner.get('/api/service-records')).body,
        reminders: (await owner.get('/api/reminders?status=all')).body,
      });
      const before = await snapshot();

      const covered: string[] = [];
      const unclassified: string[] = [];
      for (const [route, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          if (!WRITE_METHODS.includes(method)) continue;
          const key = `${method.toUpperCase()} ${route}`;
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          const dataSchema = schema?.properties?.data as
            | { properties?: Record<string, unknown> }
            | undefined;
          if (!dataSchema) {
            if (!(key in EXEMPT_WRITE_ROUTES)) unclassified.push(key);
            continue;
          }
          const url = `/api${route.replace(/([\w-]+)\/\{(\w+)\}/g, (_match, collection: string) => {
            const id = idAfter[collection];
            if (!id)
              throw new Error(`${key}: no test record for the parameter after ${collection}`);
            return `${collection}/${id}`;
          })}`;
          const fields = Object.keys(dataSchema.properties ?? {});
          const flat = Object.fromEntries(fields.map((field) => [field, 'x']));

          const flatResponse = await owner.raw(method, url, JSON.stringify(flat));
          expect([key, flatResponse.status, namedPaths(flatResponse.body)]).toEqual([
            key,
            400,
            ['data'],
          ]);
          const unknown = await owner.raw(method, url, JSON.stringify({ data: { smuggled: 'x' } }));
          expect([key, unknown.status, namedPaths(unknown.body)[0]]).toEqual([
            key,
            400,
            'smuggled',
          ]);
          expect(unknown.body.error.message).toContain('smuggled');
          // An empty change is not a success that did nothing: it names data.
          const empty = await owner.raw(method, url, '{"data":{}}');
          expect([key, empty.status, namedPaths(empty.body)]).toEqual([key, 400, ['data']]);
          expect(empty.body.error.message).toMatch(/^data: .*at least one field/);
          covered.push(key);
        }
      }

      expect(unclassified).toEqual([]);
      expect(covered).toEqual(
        expect.arrayContaining([
          'PUT /profile',
          'POST /vehicles',
          'PUT /vehicles/{id}',
          'POST /vehicles/{id}/notes',
          'PUT /notes/{id}',
          'POST /vehicles/{id}/odometer',
          'POST /service-records',
          'PUT /service-records/{id}',
          'POST /service-records/{id}/complete',
          'POST /reminders',
          'PUT /reminders/{id}',
          'POST /reminders/{id}/snooze',
          'POST /reminders/{id}/complete',
          'POST /vehicles/{id}/reminders/from-templates',
          'PUT /recalls/{recallId}/vehicles/{vehicleId}',
        ]),
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an unexpected multipart field on a photo upload, naming it, and stores nothing', async () => {
      const vehicle = await addVehicle(owner);
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const extraFile = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .attach('files', png, { filename: 'a.png', contentType: 'image/png' })
        .attach('avatar', png, { filename: 'b.png', contentType: 'image/png' });
      expect(extraFile.status).toBe(400);
      expect(namedPaths(extraFile.body)).toEqual(['avatar']);

      const extraField = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .field('ref', 'plugin::users-permissions.user')
        .attach('files', png, { filename: 'a.png', contentType: 'image/png' });
      expect(extraField.status).toBe(400);
      expect(namedPaths(extraField.body)).toEqual(['ref']);
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.photos).toEqual([]);
    });
  });

  describe('locale and query parameters', () => {
    const cacheKeys = () => redis.keys(`${cachePrefix}*`);

    it('answers 400 naming locale to a locale that is not configured, on every route that takes one, caching nothing for it', async () => {
      const vehicle = await addVehicle(owner);
      const junk = `zz${randomBytes(3).toString('hex')}`;
      const urls = [
        '/api/catalog/makes',
        `/api/catalog/makes/${catalog.bajaj}/models`,
        `/api/catalog/models/${catalog.pulsar}`,
        '/api/vehicles',
        `/api/vehicles/${vehicle.id}`,
        `/api/vehicles/${vehicle.id}/notes`,
        `/api/vehicles/${vehicle.id}/odometer`,
      ];
      for (const url of urls) {
        const response = await owner.get(`${url}?locale=${junk}`);
        expect([url, response.status, namedPaths(response.body)]).toEqual([url, 400, ['locale']]);
      }
      const put = await http()
        .put(`/api/vehicles/${vehicle.id}?locale=${junk}`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .send({ data: { nickname: 'Not saved' } });
      expect(put.status).toBe(400);
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.nickname).toBeNull();

      const keys = await cacheKeys();
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((key) => key.includes(junk))).toEqual([]);
    });

    it('still answers ne with Nepali names', async () => {
      await addVehicle(owner);
      const makes = await http().get('/api/catalog/makes?locale=ne');
      expect(makes.status).toBe(200);
      expect(makes.body.data.map((make: { name: string }) => make.name)).toContain('बजाज');
      const list = await owner.get('/api/vehicles?locale=ne');
      expect(list.status).toBe(200);
      expect(list.body.data[0].make.name).toBe('बजाज');
    });

    it('accepts a locale an admin adds later, without a code change', async () => {
      const locales = app.strapi.plugin('i18n').service('locales');
      await locales.create({ code: 'hi', name: 'Hindi (hi)' });
      try {
        const makes = await http().get('/api/catalog/makes?locale=hi');
        expect(makes.status).toBe(200);
      } finally {
        const hindi = (await locales.find()).find(
          (locale: { code: string }) => locale.code === 'hi',
        );
        await locales.delete(hindi);
      }
      expect((await http().get('/api/catalog/makes?locale=hi')).status).toBe(400);
    });

    it('takes exactly the query parameters the OpenAPI document lists, on every owner list route', async () => {
      const document = JSON.parse(
        readFileSync(path.join(__dirname, '..', OPENAPI_DOCUMENT_PATH), 'utf8'),
      ) as OpenApiDocument;
      const vehicle = await addVehicle(owner);
      // A value of the documented type: a wrong value may still be refused, but never as a
      // parameter the route does not take.
      const sample = (schema: Record<string, unknown> = {}) => {
        if (Array.isArray(schema.enum)) return String(schema.enum[0]);
        if (schema.type === 'integer') return String(schema.minimum ?? 1);
        if (schema.format === 'date') return '2026-01-01';
        return 'x';
      };
      const routes = Object.entries(document.paths)
        .filter(([route, methods]) => methods.get && !/\{(?!id\})/.test(route))
        .filter(([route]) => !route.includes('{id}') || route.startsWith('/vehicles/'))
        .filter(
          ([route]) =>
            !/^\/(users|users-permissions|auth|connect|upload|email|i18n|calendar|content-type-builder)\b/.test(
              route,
            ),
        );
      expect(routes.map(([route]) => route)).toEqual(
        expect.arrayContaining(['/vehicles', '/service-records', '/reminders', '/documents']),
      );
      const candidates = new Set([
        ...['limit', 'cursor', 'page', 'pageSize', 'sort', 'q', 'filters', 'populate', 'fields'],
        ...['vehicle', 'status', 'kind', 'from', 'to', 'tier', 'serviceRecord', 'expiringBefore'],
        ...Object.values(document.paths).flatMap((methods) =>
          (methods.get?.parameters ?? [])
            .filter((p) => p.in === 'query' && /^\w+$/.test(p.name))
            .map((p) => p.name),
        ),
      ]);
      for (const [route, methods] of routes) {
        const url = `/api${route.replace('{id}', vehicle.id)}`;
        const unknown = await owner.get(`${url}?notAParameter=1`);
        // Unknown keys come first (a required parameter left out may follow).
        expect([url, unknown.status, namedPaths(unknown.body)[0]]).toEqual([
          url,
          400,
          'notAParameter',
        ]);
        // Any name some route takes (or a client may guess) that this one does not document
        // must be refused as unknown: nothing is accepted that the document does not show.
        const documented = new Set(
          (methods.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        );
        for (const name of candidates) {
          if (documented.has(name) || name === 'locale') continue;
          const response = await owner.get(`${url}?${name}=1`);
          expect([url, name, namedPaths(response.body)[0]]).toEqual([url, name, name]);
        }
        for (const parameter of (methods.get.parameters ?? []).filter((p) => p.in === 'query')) {
          const response = await owner.get(
            `${url}?${parameter.name}=${encodeURIComponent(sample(parameter.schema))}`,
          );
          const unknownKey = (response.body.error?.details?.errors ?? []).some(
            (detail: ErrorDetail & { message?: string }) =>
              detail.message === 'is not a field of this request',
          );
          expect([url, parameter.name, unknownKey]).toEqual([url, parameter.name, false]);
        }
      }
    });

    it('answers 400 naming a query parameter the route does not take', async () => {
      const catalogResponse = await http().get('/api/catalog/makes?locale=en&sort=name');
      expect(catalogResponse.status).toBe(400);
      expect(namedPaths(catalogResponse.body)).toEqual(['sort']);
      const listResponse = await owner.get('/api/vehicles?limt=5');
      expect(listResponse.status).toBe(400);
      expect(namedPaths(listResponse.body)).toEqual(['limt']);
    });
  });
});
