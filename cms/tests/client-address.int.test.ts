import { randomBytes } from 'node:crypto';
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

const perAddress = LOGIN_LIMITS.perAddress.max;

/** A failed login for an account nobody has: counts against the address only. */
const failedLogin = (app: BootedStrapi, forwardedFor: string) =>
  request(app.strapi.server.httpServer)
    .post('/api/auth/local')
    .set('x-forwarded-for', forwardedFor)
    .send({
      identifier: `nobody-${randomBytes(6).toString('hex')}@example.com`,
      password: 'Not-the-password-1',
    });

const forged = () => `10.${randomBytes(3).join('.')}`;

describe.each([
  ['1', 'the address the trusted proxy wrote'],
  ['0', 'the socket address, ignoring X-Forwarded-For'],
])('with PROXY_HOPS=%s the client is %s', (hops) => {
  let db: TestDatabase;
  let app: BootedStrapi;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PROXY_HOPS: hops }),
    );
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('counts requests with a new forged first X-Forwarded-For value each time against one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < perAddress; attempt += 1) {
      const r = await failedLogin(app, `${forged()}, 198.51.100.9`);
      if (r.status === 429 && statuses.length < 60)
        console.log(attempt, JSON.stringify(r.body), r.headers['retry-after']);
      statuses.push(r.status);
    }
    expect(statuses.filter((status) => status !== 400)).toEqual([]);

    const limited = await failedLogin(app, `${forged()}, 198.51.100.9`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.name).toBe('RateLimitError');

    // A header with no forged part changes nothing either.
    expect((await failedLogin(app, '198.51.100.9')).status).toBe(429);
  });

  if (hops === '1') {
    it('counts another address the proxy wrote on its own', async () => {
      expect((await failedLogin(app, `${forged()}, 198.51.100.10`)).status).toBe(400);
    });
  } else {
    it('ignores the header entirely: every address written there is the same client', async () => {
      expect((await failedLogin(app, '198.51.100.10')).status).toBe(429);
      expect((await failedLogin(app, `${forged()}, 198.51.100.11`)).status).toBe(429);
    });
  }
});
