import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { getCache, getCounters } from '../src/lib/infrastructure';
import { REVOKED_PREFIX, SESSION_CACHE_PREFIX } from '../src/api/identity/services/sessions';

const PASSWORD = 'Rara-Lake-Trail-2990';

/**
 * Every spelling the router sends to an owner route. Each one is first shown to reach the
 * route with a live token (so the table cannot pass by answering 404), then refused once the
 * session is revoked.
 */
const OWNER_REQUESTS: Array<[method: 'get' | 'put' | 'post', path: string]> = [
  ['get', '/api/vehicles'],
  ['get', '/API/vehicles'],
  ['get', '/Api/profile'],
  ['get', '/api/Vehicles'],
  ['get', '/api/VEHICLES/'],
  ['get', '/api/vehicles/'],
  ['get', '/api/profile/'],
  ['get', '/api/vehicles?limit=5'],
  ['get', '/aPi/vehicles/00000000-0000-4000-8000-000000000000'],
  ['get', '/api/users/me'],
  ['get', '/API/USERS/ME'],
  ['get', '/api/users/me/'],
  ['put', '/API/Profile'],
];

describe.each([['true'], ['false']])('a revoked access token with SIGN_IN_CACHE=%s', (setting) => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let jwtSecret: string;
  const http = () => request(app.strapi.server.httpServer);

  const send = (method: 'get' | 'put' | 'post', path: string, bearer: string) => {
    const call = http()[method](path).set('authorization', bearer);
    return method === 'get' ? call : call.send({ data: { displayName: 'Sita' } });
  };

  async function signedInOwner() {
    const email = `revoked-${randomBytes(4).toString('hex')}@example.com`;
    const registered = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD })
      .expect(200);
    return {
      bearer: `Bearer ${registered.body.jwt as string}`,
      refreshToken: registered.body.refreshToken as string,
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = testEnv({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SIGN_IN_CACHE: setting,
    });
    jwtSecret = env.JWT_SECRET;
    app = await bootStrapi(env);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('is refused with 401 on every spelling of every owner route after logout', async () => {
    const owner = await signedInOwner();
    const before = [];
    for (const [method, path] of OWNER_REQUESTS) {
      before.push([method, path, (await send(method, path, owner.bearer)).status]);
    }
    // Reached the route: 200, or 404 for the vehicle nobody has.
    expect(before).toEqual(
      OWNER_REQUESTS.map(([method, path]) => [method, path, path.includes('0000') ? 404 : 200]),
    );

    await http()
      .post('/api/auth/logout')
      .set('authorization', owner.bearer)
      .send({ refreshToken: owner.refreshToken })
      .expect(200);

    const after = [];
    for (const [method, path] of OWNER_REQUESTS) {
      const response = await send(method, path, owner.bearer);
      after.push([method, path, response.status, response.body?.data ?? null]);
    }
    expect(after).toEqual(OWNER_REQUESTS.map(([method, path]) => [method, path, 401, null]));
  });

  it('is refused on a respelled logout too, and answers in Strapi error shape', async () => {
    const owner = await signedInOwner();
    await http()
      .post('/API/auth/logout')
      .set('authorization', owner.bearer)
      .send({ refreshToken: owner.refreshToken })
      .expect(200);

    const again = await http().post('/Api/Auth/Logout').set('authorization', owner.bearer).send({});
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({
      data: null,
      error: { status: 401, name: 'UnauthorizedError', message: expect.any(String) },
    });
  });

  it('leaves a live token working on the same spellings', async () => {
    const owner = await signedInOwner();
    for (const path of ['/API/vehicles', '/Api/profile', '/api/users/me/']) {
      expect((await http().get(path).set('authorization', owner.bearer)).status).toBe(200);
    }
  });

  it("is refused once another instance's tombstone is there, though this one cached it live", async () => {
    const owner = await signedInOwner();
    const paths = ['/api/vehicles', '/api/garage/version', '/API/Profile'];
    const statuses = async () => {
      const answers = [];
      for (const path of paths) {
        answers.push([path, (await http().get(path).set('authorization', owner.bearer)).status]);
      }
      return answers;
    };
    expect(await statuses()).toEqual(paths.map((path) => [path, 200]));
    const { sessionId } = jwt.decode(owner.bearer.slice('Bearer '.length)) as { sessionId: string };
    const liveKey = `${SESSION_CACHE_PREFIX}${sessionId}`;
    // What this instance remembers: the session was live a moment ago.
    expect(await getCache(app.strapi).get(liveKey)).toBe('live');

    // Another instance revoked it: its tombstone reached the shared counter store, its cache
    // write did not (that instance's cache, or a failed write).
    await getCounters(app.strapi).mark(`${REVOKED_PREFIX}${sessionId}`, 120);

    expect(await getCache(app.strapi).get(liveKey)).toBe('live');
    expect(await statuses()).toEqual(paths.map((path) => [path, 401]));
  });

  it('acts only on refresh tokens signed with HS256, the one algorithm it issues', async () => {
    const owner = await signedInOwner();
    const rotated = await http()
      .post('/api/auth/refresh')
      .send({ refreshToken: owner.refreshToken })
      .expect(200);
    const claims = jwt.decode(owner.refreshToken) as Record<string, unknown>;
    const { iat: _iat, exp: _exp, ...payload } = claims;
    const otherAlgorithm = jwt.sign(payload, jwtSecret, { algorithm: 'HS512', expiresIn: 600 });

    // Not a replay of anything we issued: refused, and the owner's session lives on.
    expect(
      (await http().post('/api/auth/refresh').send({ refreshToken: otherAlgorithm })).status,
    ).toBe(401);
    await http()
      .post('/api/auth/refresh')
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(200);
  });
});
