import { readFileSync } from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import request from 'supertest';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { startTestBucket, type TestBucket } from '../scripts/test-bucket';
import { startSmtpServer, type TestSmtpServer } from './smtp';
import { contentApiDocument, OPENAPI_DOCUMENT_PATH } from '../src/lib/openapi';
import { buildRouteIndex, candidates } from '../src/lib/route-index';

describe('CMS platform on PostgreSQL, Redis, S3 and SMTP', () => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let bucket: TestBucket;
  let app: BootedStrapi;
  let metricsToken: string;
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    bucket = await startTestBucket('motorghar-test');
    smtp = await startSmtpServer();
    db = await createTestDatabase();
    const env = testEnv({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      ...bucket.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
    });
    metricsToken = env.METRICS_TOKEN;
    app = await bootStrapi(env);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    await smtp?.close();
    await bucket?.close();
  });

  it('matches every route of the app as the router testing all its layers does', () => {
    const router = app.strapi.server.router;
    const layers = router.stack.filter((layer) => typeof layer.path === 'string');
    expect(layers.length).toBeGreaterThan(200);
    // A path for each route (parameters and wildcards filled in), in other spellings too.
    const paths = layers.flatMap(({ path: pattern }) => {
      const filled = String(pattern)
        .replace(/:[A-Za-z_]+(\([^)]*\))?[?*+]?/g, 'x1')
        .replace(/\(\.\*\)|\(\[\^\/\]\*\)/g, 'a/b');
      return [filled, filled.toUpperCase(), `${filled}/`, `${filled}/extra`, `${filled}#`];
    });
    paths.push('/', '/nothing', '/api', '/api/nothing', '/admin/nothing', '/API/Vehicles');
    let routes = 0;
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        const indexed = router.match(path, method);
        const everyLayer = Router.prototype.match.call(router, path, method);
        expect([path, method, indexed.route, indexed.path, indexed.pathAndMethod]).toEqual([
          path,
          method,
          everyLayer.route,
          everyLayer.path,
          everyLayer.pathAndMethod,
        ]);
        if (indexed.route) routes += 1;
      }
    }
    expect(routes).toBeGreaterThan(layers.length);
    // And it is the index answering, testing a small share of the layers for an owner route.
    expect(router.match).not.toBe(Router.prototype.match);
    const tested = candidates(buildRouteIndex(router.stack), '/api/vehicles').length;
    expect(tested).toBeLessThan(router.stack.length / 4);
  });

  it('answers liveness on /healthz', async () => {
    const response = await http().get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL, Redis and the S3 bucket all answer', async () => {
    const response = await http().get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ready',
      down: [],
      checks: {
        database: { status: 'up', kind: 'postgres' },
        cache: { status: 'up', kind: 'redis' },
        storage: { status: 'up', kind: 's3' },
      },
    });
  });

  it('echoes the caller request id and logs it with method, route, status and duration', async () => {
    const response = await http().get('/healthz').set('x-request-id', 'trace-abc-123');
    expect(response.headers['x-request-id']).toBe('trace-abc-123');

    const line = app.logLines().find((entry) => entry.requestId === 'trace-abc-123');
    expect(line).toMatchObject({
      message: 'request',
      method: 'GET',
      route: '/healthz',
      path: '/healthz',
      status: 200,
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.timestamp).toBe('string');
  });

  it('makes up a request id when the caller sends none, and logs 404s too', async () => {
    const response = await http().get('/no-such-page');
    expect(response.status).toBe(404);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.logLines().find((entry) => entry.requestId === id)).toMatchObject({
      route: 'unmatched',
      status: 404,
    });
  });

  it('refuses an anonymous or wrong-token metrics scrape', async () => {
    expect((await http().get('/metrics')).status).toBe(401);
    const wrong = await http().get('/metrics').set('authorization', 'Bearer not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('http_request_duration_seconds');
  });

  it('exposes the request-duration histogram and process metrics to the scraper', async () => {
    await http().get('/api/home-page?locale=en').expect(200);
    const response = await http().get('/metrics').set('authorization', `Bearer ${metricsToken}`);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.\d+",method="GET",route="\/api\/home-page",status="200"\} 1/,
    );
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/home-page",status="200"\} 1/,
    );
    expect(response.text).toContain('process_cpu_user_seconds_total');
    expect(response.text).toContain('nodejs_heap_size_used_bytes');
  });

  it('never writes passwords, tokens or cookies to the log', async () => {
    const password = 'Correct-Horse-Battery-77';
    const bearer = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6NDJ9.not-a-real-signature';
    const cookie = 'mg_refresh=cookie-secret-value-991';
    await http()
      .post('/api/auth/local')
      .set('cookie', cookie)
      .send({ identifier: 'nobody@example.com', password });
    await http()
      .get('/api/users/me')
      .set('authorization', `Bearer ${bearer}`)
      .set('cookie', cookie);
    await http().get('/api/home-page?locale=en&token=query-secret-552');
    app.strapi.log.warn('upstream refused', {
      headers: { authorization: `Bearer ${bearer}` },
      body: { password },
      detail: `retrying with Bearer ${bearer}`,
    });

    const log = app.rawLog();
    expect(log).toContain('/api/auth/local');
    expect(log).toContain('/api/users/me');
    expect(log).toContain('upstream refused');
    for (const secretValue of [password, bearer, 'cookie-secret-value-991', 'query-secret-552']) {
      expect(log).not.toContain(secretValue);
    }
  });

  it('has the locales en (default) and ne', async () => {
    const locales = await app.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((locale: { code: string }) => locale.code).sort()).toEqual(['en', 'ne']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('en');
  });

  it('serves the home page copy in English and Nepali to anonymous visitors', async () => {
    const en = await http().get('/api/home-page?locale=en').expect(200);
    const ne = await http().get('/api/home-page?locale=ne').expect(200);
    expect(en.body.data).toMatchObject({ locale: 'en', headline: 'Welcome to MotorGhar' });
    expect(ne.body.data).toMatchObject({ locale: 'ne', headline: 'मोटरघरमा स्वागत छ' });
  });

  it('sends email through the configured SMTP server', async () => {
    await app.strapi.plugin('email').service('email').send({
      to: 'owner@example.com',
      subject: 'Service due',
      text: 'Your Pulsar is due for service.',
    });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['owner@example.com']);
    expect(smtp.received[0].from).toBe('no-reply@motorghar.local');
    expect(smtp.received[0].raw).toContain('Subject: Service due');
  });

  it('serves exactly the API described by the checked-in OpenAPI document', () => {
    const checkedIn = JSON.parse(
      readFileSync(path.join(__dirname, '..', OPENAPI_DOCUMENT_PATH), 'utf8'),
    ) as unknown;
    // On failure: the API changed; run `npm run openapi -w cms` and commit the document.
    expect(contentApiDocument(app.strapi)).toEqual(checkedIn);
  });
});
