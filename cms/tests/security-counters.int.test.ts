import request from 'supertest';
import { LOGIN_LIMITS } from '../src/api/identity/auth/auth-route-guards';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { getCache } from '../src/lib/infrastructure';

const PASSWORD = 'Langtang-Valley-3870';

// The in-process cache drops its oldest entries beyond 10,000; rate limits must not go with
// them (a flood of junk cache entries would otherwise reset every limit).
describe.each([
  ['the in-process stores', undefined],
  ['Redis', TEST_REDIS_URL],
])('security counters on %s', (_name, redisUrl) => {
  let db: TestDatabase;
  let app: BootedStrapi;

  const login = (address: string, identifier: string, password: string) =>
    request(app.strapi.server.httpServer)
      .post('/api/auth/local')
      .set('x-forwarded-for', address)
      .send({ identifier, password });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: redisUrl, PROXY_HOPS: '1' }));
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('keeps a locked sign-in locked after 20,000 new cache entries', async () => {
    const email = 'flooded-owner@example.com';
    await request(app.strapi.server.httpServer)
      .post('/api/auth/local/register')
      .set('x-forwarded-for', '192.0.2.200')
      .send({ username: email, email, password: PASSWORD })
      .expect(200);
    for (let attempt = 0; attempt < LOGIN_LIMITS.perPair.max; attempt += 1) {
      await login('192.0.2.7', email, 'Wrong-password-99').expect(400);
    }
    await login('192.0.2.7', email, PASSWORD).expect(429);

    const cache = getCache(app.strapi);
    for (let index = 0; index < 20_000; index += 1) {
      await cache.set(`catalog:makes:junk-locale-${index}`, { data: [] }, 300);
    }

    const after = await login('192.0.2.7', email, PASSWORD);
    expect(after.status).toBe(429);
    expect(Number(after.headers['retry-after'])).toBeGreaterThan(0);
  });
});
