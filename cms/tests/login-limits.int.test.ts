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
import { getCounters } from '../src/lib/infrastructure';

const PASSWORD = 'Tilicho-Lake-Pass-4919';
const WRONG = 'Wrong-password-99';

// Login limits count failures per account and address together, so nobody can keep an owner
// out from elsewhere, and a per-address ceiling high enough for carrier-grade NAT.
describe('login limits on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let addressCounter = 0;

  /** A new client address, as the trusted proxy (PROXY_HOPS=1) reports it. */
  const newAddress = () => {
    addressCounter += 1;
    return `198.18.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  };

  const from = (address: string) => {
    const http = request(app.strapi.server.httpServer);
    return {
      login: (identifier: string, password: string) =>
        http.post('/api/auth/local').set('x-forwarded-for', address).send({ identifier, password }),
      register: (email: string) =>
        http
          .post('/api/auth/local/register')
          .set('x-forwarded-for', address)
          .send({ username: email, email, password: PASSWORD }),
    };
  };

  const uniqueEmail = () => `owner-${randomBytes(5).toString('hex')}@example.com`;

  async function owner() {
    const email = uniqueEmail();
    await from(newAddress()).register(email).expect(200);
    return email;
  }

  async function statusesOf(
    count: number,
    attempt: (index: number) => Promise<{ status: number }>,
  ) {
    const statuses: number[] = [];
    for (let index = 0; index < count; index += 1) statuses.push((await attempt(index)).status);
    return statuses;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PROXY_HOPS: '1' }),
    );
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('lets an owner sign in after 50 failed attempts against their account from other addresses', async () => {
    const email = await owner();
    const elsewhere = [newAddress(), newAddress(), newAddress(), newAddress(), newAddress()];
    const failures = await statusesOf(50, (index) =>
      from(elsewhere[index % elsewhere.length]).login(email, WRONG),
    );
    expect(failures).toEqual(Array(50).fill(400));

    const ok = await from(newAddress()).login(email.toUpperCase(), PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body.jwt).toEqual(expect.any(String));
  });

  it('locks the account and address pair after 10 failures, and only that pair', async () => {
    const email = await owner();
    const other = await owner();
    const attacker = newAddress();
    expect(await statusesOf(10, () => from(attacker).login(email, WRONG))).toEqual(
      Array(10).fill(400),
    );

    const locked = await from(attacker).login(email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(locked.body).toMatchObject({
      data: null,
      error: { status: 429, name: 'RateLimitError', details: { retryAfter: expect.any(Number) } },
    });

    expect((await from(newAddress()).login(email, PASSWORD)).status).toBe(200);
    expect((await from(attacker).login(other, PASSWORD)).status).toBe(200);
  });

  it('counts the failures of one account from one address together, however the account is named', async () => {
    const email = await owner();
    const username = `rider-${randomBytes(4).toString('hex')}`;
    const named = await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { email }, data: { username } });
    expect(named.username).toBe(username);
    const attacker = newAddress();
    // Five spellings that all reach the same account's password check, two failures each.
    const spellings = [email, email.toUpperCase(), ` ${email} `, username, username];
    const failures = await statusesOf(10, (index) =>
      from(attacker).login(spellings[Math.floor(index / 2)], WRONG),
    );
    expect(failures).toEqual(Array(10).fill(400));

    for (const spelling of [username, email, username.toUpperCase(), `${email.toUpperCase()} `]) {
      expect([spelling, (await from(attacker).login(spelling, PASSWORD)).status]).toEqual([
        spelling,
        429,
      ]);
    }
    expect((await from(newAddress()).login(username, PASSWORD)).status).toBe(200);
  });

  it('counts an identifier that names no account by its spelling, answering as for a real one', async () => {
    const attacker = newAddress();
    const unknown = `nobody-${randomBytes(4).toString('hex')}`;
    const failures = await statusesOf(10, (index) =>
      from(attacker).login(index % 2 ? unknown : unknown.toUpperCase(), WRONG),
    );
    expect(failures).toEqual(Array(10).fill(400));
    const locked = await from(attacker).login(unknown, WRONG);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/^Too many attempts; try again in \d+ seconds$/);
  });

  it('forgets the failures of a pair once the owner signs in there', async () => {
    const email = await owner();
    const home = newAddress();
    expect(await statusesOf(9, () => from(home).login(email, WRONG))).toEqual(Array(9).fill(400));
    expect((await from(home).login(email, PASSWORD)).status).toBe(200);

    expect(await statusesOf(10, () => from(home).login(email, WRONG))).toEqual(Array(10).fill(400));
    expect((await from(home).login(email, PASSWORD)).status).toBe(429);
  });

  it('never counts successful sign-ins: 60 owners behind one carrier address all get in', async () => {
    const carrier = newAddress();
    const email = await owner();
    expect(await statusesOf(60, () => from(carrier).login(email, PASSWORD))).toEqual(
      Array(60).fill(200),
    );
  });

  it('holds the per-address ceiling on failures across many accounts', async () => {
    const email = await owner();
    const guesser = newAddress();
    const failures = await statusesOf(LOGIN_LIMITS.perAddress.max, () =>
      from(guesser).login(uniqueEmail(), WRONG),
    );
    expect(failures.filter((status) => status !== 400)).toEqual([]);

    const ceiling = await from(guesser).login(email, PASSWORD);
    expect(ceiling.status).toBe(429);
    expect(Number(ceiling.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from(newAddress()).login(email, PASSWORD)).status).toBe(200);
  });

  it('lets 50 owners register from one carrier address within the hour', async () => {
    const carrier = newAddress();
    const statuses = await statusesOf(50, () => from(carrier).register(uniqueEmail()));
    expect(statuses).toEqual(Array(50).fill(200));
  });

  it('keeps the counters in Redis, shared by every instance', async () => {
    const email = await owner();
    const address = newAddress();
    await from(address).login(email, WRONG).expect(400);
    const deleted = await getCounters(app.strapi).deleteByPrefix('rate-limit:login:');
    expect(deleted).toBeGreaterThan(0);
  });
});
