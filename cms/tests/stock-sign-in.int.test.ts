import request from 'supertest';
import { OWNER_CACHE_PREFIX } from '../src/api/identity/auth/owner-authentication';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { getCache } from '../src/lib/infrastructure';

const PASSWORD = 'Phewa-Lake-Boating-1742';

// SIGN_IN_CACHE=false is the benchmark's stock baseline and an incident switch: owners are
// signed in by the stock strategy, and every session rule still holds.
describe.each([
  ['true', true],
  ['false', false],
])('sign-in with SIGN_IN_CACHE=%s', (setting, cachesOwners) => {
  let db: TestDatabase;
  let app: BootedStrapi;
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, SIGN_IN_CACHE: setting }),
    );
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it(`${cachesOwners ? 'caches' : 'never caches'} the signed-in owner, and logout ends the session at once`, async () => {
    const email = `stock-${setting}@example.com`;
    const registered = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD })
      .expect(200);
    const bearer = `Bearer ${registered.body.jwt as string}`;

    await http().get('/api/profile').set('authorization', bearer).expect(200);
    const cached = await getCache(app.strapi).get(
      `${OWNER_CACHE_PREFIX}${registered.body.user.id as number}`,
    );
    expect(cached !== undefined).toBe(cachesOwners);

    await http()
      .post('/api/auth/logout')
      .set('authorization', bearer)
      .send({ refreshToken: registered.body.refreshToken })
      .expect(200);
    expect((await http().get('/api/profile').set('authorization', bearer)).status).toBe(401);
  });
});
