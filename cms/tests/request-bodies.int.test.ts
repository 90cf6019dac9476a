import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { OPENAPI_DOCUMENT_PATH } from '../src/lib/openapi';
import { ensureSuperAdmin } from '../src/provisioning/super-admin';
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
const PASSWORD = 'Rara-Lake-Mugu-2990';
const MB = 1024 * 1024;

const AUTH_ROUTES = [
  '/api/auth/local',
  '/api/auth/local/register',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
];

type OpenApiDocument = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
};
const readDocument = () =>
  JSON.parse(
    readFileSync(path.join(__dirname, '..', OPENAPI_DOCUMENT_PATH), 'utf8'),
  ) as OpenApiDocument;

/** Every file under `dir`, at any depth. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('request bodies: parsed after the caller is known, JSON only on /api, never logged', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let bodyTempDir: string;
  let addresses = 0;
  let plate = 0;
  let catalog: { make: string; model: string };
  const api = () => request(app.strapi.server.httpServer);
  /** A new client address per call: per-address limits of one test never touch another. */
  const from = () => `198.51.100.${(addresses = (addresses % 250) + 1)}`;

  interface Owner {
    auth: { authorization: string };
    vehicleId: string;
  }

  async function owner(): Promise<Owner> {
    const email = `bodies-${randomBytes(4).toString('hex')}@example.com`;
    const signedUp = await api()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', from())
      .send({ username: email, email, password: PASSWORD });
    expect(signedUp.status).toBe(200);
    const auth = { authorization: `Bearer ${signedUp.body.jwt as string}` };
    const added = await api()
      .post('/api/vehicles')
      .set(auth)
      .send({
        data: {
          makeId: catalog.make,
          modelId: catalog.model,
          year: 2021,
          registrationNumber: `BA 2 PA ${(plate += 1) + 4000}`,
        },
      });
    expect(added.status).toBe(201);
    return { auth, vehicleId: added.body.data.id as string };
  }

  /** The server's port, for requests sent byte by byte. */
  async function port(): Promise<number> {
    const server = app.strapi.server.httpServer;
    if (!server.listening) {
      server.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
    }
    return (server.address() as { port: number }).port;
  }

  interface SlowUpload {
    /** The answer, or null when none came while the body was still being sent. */
    status: number | null;
    body: string;
    /** Files in the body parser's folder while the request was still open. */
    filesMidRequest: string[];
  }

  /**
   * Declares a multipart body of `declaredMb` MB with one file part, sends its first MB only,
   * then waits: an answer can only come from a server that did not wait for the rest.
   */
  async function uploadSlowly(
    url: string,
    headers: Record<string, string>,
    declaredMb = 20,
  ): Promise<SlowUpload> {
    const boundary = 'mgslowboundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    );
    const target = await port();
    return new Promise<SlowUpload>((resolve) => {
      let answered: { status: number; body: string } | null = null;
      const req = http.request({
        host: '127.0.0.1',
        port: target,
        method: 'POST',
        path: url,
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + declaredMb * MB),
        },
      });
      req.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => (answered = { status: response.statusCode ?? 0, body }));
      });
      req.on('error', () => undefined);
      req.write(head);
      req.write(Buffer.alloc(MB, 0xd8), () => {
        setTimeout(async () => {
          const filesMidRequest = await filesUnder(bodyTempDir);
          req.destroy();
          const got = answered as { status: number; body: string } | null;
          resolve({ status: got?.status ?? null, body: got?.body ?? '', filesMidRequest });
        }, 1500);
      });
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    bodyTempDir = await mkdtemp(path.join(os.tmpdir(), 'mg-request-bodies-'));
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        PROXY_HOPS: '1',
        UPLOAD_TEMP_DIR: bodyTempDir,
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    catalog = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    if (bodyTempDir) await rm(bodyTempDir, { recursive: true, force: true });
  });

  describe('a password in a refused body never reaches the log', () => {
    const secret = () => `SECRET-PW-LEAK-${randomBytes(6).toString('hex')}`;

    it.each([
      ['/api/auth/local', 'identifier'],
      ['/API/auth/local', 'identifier'],
      ['/api/auth/local/register', 'email'],
      ['/api/auth/reset-password', 'code'],
      ['/admin/login', 'email'],
    ])(
      'answers malformed JSON on %s with a clean 400 and logs no part of it',
      async (url, field) => {
        const password = secret();
        const body = `{"${field}":"owner@motorghar.local","password":"${password}",}`;
        const response = await api()
          .post(url)
          .set('x-forwarded-for', from())
          .set('content-type', 'application/json')
          .send(body);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: 'The request body is not valid JSON',
          },
        });
        expect(JSON.stringify(response.body)).not.toContain(password);
        expect(app.rawLog()).not.toContain(password);
      },
    );

    it.each([
      [
        'a form',
        'application/x-www-form-urlencoded',
        (pw: string) => `identifier=a%40b.c&password=${pw}`,
      ],
      [
        'a form on the admin login',
        'application/x-www-form-urlencoded',
        (pw: string) => `email=a%40b.c&password=${pw}&x[=`,
      ],
      ['text', 'text/plain', (pw: string) => `password=${pw}`],
    ])('logs no part of %s body carrying a password', async (_what, type, bodyOf) => {
      const password = secret();
      for (const url of ['/api/auth/local', '/admin/login']) {
        const response = await api()
          .post(url)
          .set('x-forwarded-for', from())
          .set('content-type', type)
          .send(bodyOf(password));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(JSON.stringify(response.body)).not.toContain(password);
      }
      expect(app.rawLog()).not.toContain(password);
    });

    it('logs no part of a multipart body carrying a password', async () => {
      const password = secret();
      for (const url of ['/api/auth/local', '/api/auth/local/register', '/admin/login']) {
        const response = await api()
          .post(url)
          .set('x-forwarded-for', from())
          .field('identifier', 'owner@motorghar.local')
          .field('password', password)
          .attach('junk', Buffer.from(password), { filename: 'junk.txt' });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(JSON.stringify(response.body)).not.toContain(password);
      }
      expect(app.rawLog()).not.toContain(password);
    });

    it('masks a raw body carried by any logged error, whoever logs it', async () => {
      const password = secret();
      const error = Object.assign(new SyntaxError('Unexpected token'), {
        status: 400,
        body: `{"identifier":"x","password":"${password}",}`,
      });
      app.strapi.log.error(error);
      app.strapi.log.error('parse failed', { rawBody: `identifier=x&password=${password}` });
      app.strapi.log.warn(`could not read {"password":"${password}"}`);
      expect(app.rawLog()).not.toContain(password);
    });
  });

  describe('files are read only once the caller may upload them', () => {
    let admin: { authorization: string };

    beforeAll(async () => {
      const credentials = {
        email: 'bodies-admin@example.com',
        password: 'Bodies-Admin-Media-2026',
      };
      await ensureSuperAdmin(app.strapi, credentials);
      const login = await api().post('/admin/login').send(credentials);
      expect(login.status).toBe(200);
      admin = { authorization: `Bearer ${login.body.data.token as string}` };
    });

    it('answers an unauthenticated photo upload 401/403 before reading it, writing no file', async () => {
      const { vehicleId } = await owner();
      for (const url of [
        `/api/vehicles/${vehicleId}/photos`,
        `/API/Vehicles/${vehicleId}/photos/`,
      ]) {
        const result = await uploadSlowly(url, {});
        expect([url, result.status, result.filesMidRequest]).toEqual([url, expect.any(Number), []]);
        expect([401, 403]).toContain(result.status);
      }
    });

    it("answers a photo upload to another owner's vehicle 404 before reading it, writing no file", async () => {
      const [mine, theirs] = [await owner(), await owner()];
      const result = await uploadSlowly(`/api/vehicles/${theirs.vehicleId}/photos`, mine.auth);
      expect(result.status).toBe(404);
      expect(result.filesMidRequest).toEqual([]);
      const missing = await uploadSlowly('/api/vehicles/no-such-vehicle/photos', mine.auth);
      expect(missing.status).toBe(404);
      expect(missing.filesMidRequest).toEqual([]);
    });

    it.each(['/upload', '/upload/files', '/upload/files/1/replace', '/Upload/'])(
      'answers an unauthenticated media library upload to %s 401 before reading it, writing no file',
      async (url) => {
        const result = await uploadSlowly(url, {});
        expect(result.status).toBe(401);
        expect(result.filesMidRequest).toEqual([]);
      },
    );

    it("answers an owner's token on the media library 401 before reading it, writing no file", async () => {
      const { auth } = await owner();
      const result = await uploadSlowly('/upload', auth);
      expect(result.status).toBe(401);
      expect(result.filesMidRequest).toEqual([]);
    });

    /** Sends only the headers (and a first line) and answers the status that comes back. */
    async function headersOnly(url: string, headers: Record<string, string>): Promise<number> {
      const target = await port();
      return new Promise<number>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port: target,
          method: 'POST',
          path: url,
          headers,
        });
        req.on('response', (response) => {
          resolve(response.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', () => resolve(0));
        req.write('--x\r\n');
      });
    }

    it('still refuses an oversized or undeclared upload before anything else', async () => {
      const { vehicleId } = await owner();
      const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
      for (const url of [`/api/vehicles/${vehicleId}/photos`, '/upload']) {
        const declared = { ...multipart, 'content-length': String(200 * MB) };
        expect([url, await headersOnly(url, declared)]).toEqual([url, 413]);
        const chunked = { ...multipart, ...admin, 'transfer-encoding': 'chunked' };
        expect([url, await headersOnly(url, chunked)]).toEqual([url, 411]);
      }
      expect(await filesUnder(bodyTempDir)).toEqual([]);
    });
  });

  describe('a body of a type the route does not take is a 415', () => {
    const bodies: Array<[string, string | undefined]> = [
      ['application/octet-stream', 'hello'],
      ['image/png', 'hello'],
      ['no content type', undefined],
      ['application/x-www-form-urlencoded', 'identifier=a&password=b'],
      ['text/plain', 'hello'],
      ['application/xml', '<a/>'],
    ];

    const send = (method: string, url: string, type: string | undefined, body: string) => {
      const call = api()[method.toLowerCase() as 'post'](url).set('x-forwarded-for', from());
      // superagent would name a type; a raw buffer goes out without one.
      return type === undefined
        ? call.send(Buffer.from(body)).unset('content-type')
        : call.set('content-type', type).send(body);
    };

    const expect415 = (where: string, response: request.Response) => {
      expect([where, response.status, response.body.data, response.body.error?.name]).toEqual([
        where,
        415,
        null,
        'UnsupportedMediaTypeError',
      ]);
      expect(response.body.error.message).toContain('application/json');
    };

    it.each(AUTH_ROUTES)(
      'answers every non-JSON body on %s with 415 in Strapi shape',
      async (url) => {
        for (const [type, body] of bodies) {
          expect415(
            `${url} ${type}`,
            await send('POST', url, type === 'no content type' ? undefined : type, body ?? 'hello'),
          );
        }
      },
    );

    it('answers every non-JSON body on every owner write route of the OpenAPI document with 415, changing nothing', async () => {
      const me = await owner();
      const note = await api()
        .post(`/api/vehicles/${me.vehicleId}/notes`)
        .set(me.auth)
        .send({ data: { body: 'Chain cleaned' } });
      const ids: Record<string, string> = { vehicles: me.vehicleId, notes: note.body.data.id };
      const before = (await api().get(`/api/vehicles/${me.vehicleId}`).set(me.auth)).body;
      const covered: string[] = [];
      for (const [route, operations] of Object.entries(readDocument().paths)) {
        for (const method of Object.keys(operations)) {
          if (!['post', 'put', 'patch'].includes(method)) continue;
          if (!operations[method].requestBody?.content?.['application/json']) continue;
          if (route.startsWith('/auth/') || route.startsWith('/users')) continue;
          const url = `/api${route.replace(/(\w+)\/\{\w+\}/g, (_m, collection: string) => `${collection}/${ids[collection] ?? 'x'}`)}`;
          for (const [type, body] of bodies) {
            const call = api()[method as 'post'](url).set(me.auth);
            const response =
              type === 'no content type'
                ? await call.send(Buffer.from('hello')).unset('content-type')
                : await call.set('content-type', type).send(body ?? 'hello');
            expect415(`${method} ${url} ${type}`, response);
          }
          covered.push(`${method.toUpperCase()} ${route}`);
        }
      }
      expect(covered).toEqual(
        expect.arrayContaining(['PUT /profile', 'POST /vehicles', 'PUT /vehicles/{id}']),
      );
      expect((await api().get(`/api/vehicles/${me.vehicleId}`).set(me.auth)).body).toEqual(before);
    });

    it('never applies a form body to an owner record, however /api is spelled', async () => {
      const me = await owner();
      for (const url of ['/api/profile', '/API/profile', '/Api/Profile/']) {
        const response = await api()
          .put(url)
          .set(me.auth)
          .set('content-type', 'application/x-www-form-urlencoded')
          .send('data[displayName]=Formed');
        expect([url, response.status]).toEqual([url, 415]);
      }
      expect((await api().get('/api/profile').set(me.auth)).body.data.displayName).not.toBe(
        'Formed',
      );
    });

    it('answers a multipart body on an /api route that is not the photo route with 415, not a field "0"', async () => {
      const me = await owner();
      const response = await api()
        .put(`/api/vehicles/${me.vehicleId}`)
        .set(me.auth)
        .field('data', '{"nickname":"x"}');
      expect(response.status).toBe(415);
      expect(response.body.error.message).toContain('application/json');
    });

    it('still takes a JSON body under a +json type', async () => {
      const me = await owner();
      const response = await api()
        .put('/api/profile')
        .set(me.auth)
        .set('content-type', 'application/vnd.api+json')
        .send(JSON.stringify({ data: { displayName: 'Plus Json' } }));
      expect(response.status).toBe(200);
      expect(response.body.data.displayName).toBe('Plus Json');
    });

    it('gives stock controllers an object body when none is sent', async () => {
      const response = await api().post('/api/auth/local').set('x-forwarded-for', from());
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
    });
  });

  describe('the OpenAPI document describes the photo upload', () => {
    it('names the files field, its limits and the refusals', () => {
      const operation = readDocument().paths['/vehicles/{id}/photos'].post as {
        requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
        responses?: Record<string, unknown>;
      };
      const multipart = operation.requestBody?.content?.['multipart/form-data']?.schema as {
        required?: string[];
        properties: { files: { type: string; maxItems: number; items: Record<string, unknown> } };
      };
      expect(multipart.required).toEqual(['files']);
      expect(multipart.properties.files).toMatchObject({
        type: 'array',
        maxItems: 5,
        items: { type: 'string', format: 'binary', maxLength: 8 * MB },
      });
      expect(JSON.stringify(multipart.properties.files)).toMatch(/JPEG.*PNG.*WebP/);
      expect(Object.keys(operation.responses ?? {})).toEqual(
        expect.arrayContaining(['400', '401', '404', '411', '413', '415']),
      );
    });
  });
});
