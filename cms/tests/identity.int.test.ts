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
import { readMail, startSmtpServer, type TestSmtpServer } from './smtp';
import { DOMAINS } from '../src/domains';
import { roleActions, syncRolePermissions } from '../src/provisioning/permissions';
import { getCounters } from '../src/lib/infrastructure';

const OWNER_ACTIONS = roleActions(DOMAINS).authenticated;

const PASSWORD = 'Annapurna-Base-Camp-4130';

describe('owner identity on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let app: BootedStrapi;
  let jwtSecret: string;
  let ipCounter = 0;

  /** Each test is its own client address, so rate limits of one never touch another. */
  const client = () => {
    ipCounter += 1;
    const ip = `203.0.113.${ipCounter}`;
    const http = request(app.strapi.server.httpServer);
    return {
      get: (url: string) => http.get(url).set('x-forwarded-for', ip),
      post: (url: string) => http.post(url).set('x-forwarded-for', ip),
      put: (url: string) => http.put(url).set('x-forwarded-for', ip),
    };
  };
  type Client = ReturnType<typeof client>;

  const uniqueEmail = () => `owner-${randomBytes(4).toString('hex')}@example.com`;

  function register(http: Client, overrides: Record<string, unknown> = {}) {
    const email = (overrides.email as string) ?? uniqueEmail();
    return http
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD, ...overrides });
  }

  async function signedUpOwner(http: Client = client()) {
    const response = await register(http);
    expect(response.status).toBe(200);
    return {
      email: response.body.user.email as string,
      id: response.body.user.id as number,
      jwt: response.body.jwt as string,
      refreshToken: response.body.refreshToken as string,
    };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    db = await createTestDatabase();
    const env = testEnv({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      PROXY_HOPS: '1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      PORTAL_URL: 'http://portal.test',
    });
    jwtSecret = env.JWT_SECRET;
    app = await bootStrapi(env);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    await smtp?.close();
  });

  describe('registration', () => {
    it('registers an owner with a trimmed, lower-cased email and returns both tokens', async () => {
      const http = client();
      const response = await http.post('/api/auth/local/register').send({
        username: 'gita-thapa',
        email: '  Gita.Thapa@Example.COM ',
        password: PASSWORD,
        displayName: 'Gita Thapa',
        preferredLocale: 'ne',
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        jwt: expect.any(String),
        refreshToken: expect.any(String),
        user: { email: 'gita.thapa@example.com', username: 'gita-thapa' },
      });
      const profile = await http
        .get('/api/profile')
        .set('authorization', `Bearer ${response.body.jwt}`);
      expect(profile.body.data).toMatchObject({ displayName: 'Gita Thapa', preferredLocale: 'ne' });
    });

    it('refuses the same email in another case with 400', async () => {
      const http = client();
      const email = uniqueEmail();
      await register(http, { email }).expect(200);

      const duplicate = await register(http, {
        email: email.toUpperCase(),
        username: 'someone-else',
      });

      expect(duplicate.status).toBe(400);
      expect(duplicate.body.error.message).toBe('Email or Username are already taken');
    });

    it.each([
      ['minLength', 'Short-1a'],
      ['common', 'qwertyuiop'],
      ['common', 'Password123'],
    ])('refuses a weak password (%s) with 400 naming the rule', async (rule, password) => {
      const response = await register(client(), { password });
      expect(response.status).toBe(400);
      expect(response.body.error.details.rule).toBe(rule);
      expect(response.body.error.details.errors[0].path).toEqual(['password']);
    });

    it('refuses a password equal to the email (rule matchesIdentity)', async () => {
      const email = uniqueEmail();
      const response = await register(client(), { email, password: email.toUpperCase() });
      expect(response.status).toBe(400);
      expect(response.body.error.details.rule).toBe('matchesIdentity');
      expect(response.body.error.message).toMatch(/email or username/);
    });

    it.each([
      ['role', 1],
      ['confirmed', false],
      ['blocked', true],
      ['provider', 'google'],
      ['resetPasswordToken', 'x'],
    ])('refuses a registration that sets %s, and creates nobody', async (field, value) => {
      const email = uniqueEmail();
      const response = await register(client(), { email, [field]: value });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
      const count = await app.strapi.db
        .query('plugin::users-permissions.user')
        .count({ where: { email } });
      expect(count).toBe(0);
    });

    it('refuses an unknown preferred locale, naming the field', async () => {
      const response = await register(client(), { preferredLocale: 'fr' });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['preferredLocale']);
    });
  });

  describe('login', () => {
    it('signs in with email in any case, and refuses a wrong password', async () => {
      const http = client();
      const owner = await signedUpOwner(http);

      const ok = await http
        .post('/api/auth/local')
        .send({ identifier: owner.email.toUpperCase(), password: PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body.refreshToken).toEqual(expect.any(String));

      const wrong = await http
        .post('/api/auth/local')
        .send({ identifier: owner.email, password: 'Wrong-password-99' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toBe('Invalid identifier or password');
    });

    it('answers 429 with Retry-After after 10 failures on one account from one address', async () => {
      const owner = await signedUpOwner();
      const http = client();
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const response = await http
          .post('/api/auth/local')
          .send({ identifier: owner.email, password: 'Wrong-password-99' });
        expect(response.status).toBe(400);
      }

      const limited = await http
        .post('/api/auth/local')
        .send({ identifier: owner.email, password: PASSWORD });

      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body.error.name).toBe('RateLimitError');
      // Failures-only, per account and address: the owner still gets in from elsewhere
      // (tests/login-limits.int.test.ts covers the rest).
      await client()
        .post('/api/auth/local')
        .send({ identifier: owner.email, password: PASSWORD })
        .expect(200);
    });

    it('keeps the limit in Redis, shared by every instance', async () => {
      const keys = await getCounters(app.strapi).deleteByPrefix('rate-limit:login:');
      expect(keys).toBeGreaterThan(0);
    });
  });

  describe('sessions', () => {
    it('rotates the refresh token on every refresh; the old one then answers 401', async () => {
      const http = client();
      const owner = await signedUpOwner(http);

      const first = await http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(owner.refreshToken);
      const second = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);
      await http.get('/api/users/me').set('authorization', `Bearer ${second.body.jwt}`).expect(200);
    });

    it('revokes the whole session when a rotated refresh token is presented again', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const rotated = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: owner.refreshToken });
      expect(rotated.status).toBe(200);

      const replay = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: owner.refreshToken });
      expect(replay.status).toBe(401);

      const newer = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: rotated.body.refreshToken });
      expect(newer.status).toBe(401);
      const me = await http.get('/api/users/me').set('authorization', `Bearer ${rotated.body.jwt}`);
      expect(me.status).toBe(401);
    });

    it("leaves the owner's other sessions alone when one is revoked for replay", async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const laptop = await http
        .post('/api/auth/local')
        .send({ identifier: owner.email, password: PASSWORD });
      await http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken }).expect(200);
      await http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken }).expect(401);

      await http.get('/api/users/me').set('authorization', `Bearer ${laptop.body.jwt}`).expect(200);
    });

    it('after logout, the refresh token answers 401 and the access token is refused at once', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      await http.get('/api/users/me').set('authorization', `Bearer ${owner.jwt}`).expect(200);

      await http
        .post('/api/auth/logout')
        .set('authorization', `Bearer ${owner.jwt}`)
        .send({ refreshToken: owner.refreshToken })
        .expect(200);

      expect(
        (await http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken })).status,
      ).toBe(401);
      expect(
        (await http.get('/api/users/me').set('authorization', `Bearer ${owner.jwt}`)).status,
      ).toBe(401);
    });

    it('refuses an expired access token with 401', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const claims = jwt.decode(owner.jwt) as { userId: string; sessionId: string };
      const expired = jwt.sign(
        { userId: claims.userId, sessionId: claims.sessionId, type: 'access' },
        jwtSecret,
        { expiresIn: -60 },
      );

      expect(
        (await http.get('/api/users/me').set('authorization', `Bearer ${expired}`)).status,
      ).toBe(401);
      await http.get('/api/users/me').set('authorization', `Bearer ${owner.jwt}`).expect(200);
    });

    it('issues access tokens that live 15 minutes', async () => {
      const owner = await signedUpOwner();
      const claims = jwt.decode(owner.jwt) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBe(15 * 60);
    });

    it('ends every session of an owner who is blocked', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .update({ where: { id: owner.id }, data: { blocked: true } });

      expect(
        (await http.get('/api/users/me').set('authorization', `Bearer ${owner.jwt}`)).status,
      ).toBe(401);
      expect(
        (await http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken })).status,
      ).toBe(401);
    });

    it('ends every session when the password changes', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const other = await http
        .post('/api/auth/local')
        .send({ identifier: owner.email, password: PASSWORD });

      const changed = await http
        .post('/api/auth/change-password')
        .set('authorization', `Bearer ${owner.jwt}`)
        .send({
          currentPassword: PASSWORD,
          password: 'Gosainkunda-Lake-4380',
          passwordConfirmation: 'Gosainkunda-Lake-4380',
        });
      expect(changed.status).toBe(200);

      expect(
        (await http.post('/api/auth/refresh').send({ refreshToken: other.body.refreshToken }))
          .status,
      ).toBe(401);
      expect(
        (await http.get('/api/users/me').set('authorization', `Bearer ${other.body.jwt}`)).status,
      ).toBe(401);
    });
  });

  describe('password reset', () => {
    it('emails a link to the portal, refuses a weak new password, then ends old sessions', async () => {
      const http = client();
      const owner = await signedUpOwner(http);

      await http
        .post('/api/auth/forgot-password')
        .send({ email: owner.email.toUpperCase() })
        .expect(200);

      const mail = smtp.received.find((message) => message.to.includes(owner.email));
      expect(mail).toBeDefined();
      const { subject, html: body } = await readMail(mail!);
      expect(subject).toBe('Reset your MotorGhar password / मोटरघरको पासवर्ड रिसेट गर्नुहोस्');
      expect(body).toContain('http://portal.test/en/reset-password?code=');
      expect(body).toContain('http://portal.test/ne/reset-password?code=');
      expect(body).toContain('नयाँ पासवर्ड छान्नुहोस्');
      const resetCode = /reset-password\?code=([A-Za-z0-9]+)/.exec(body)?.[1];
      expect(resetCode).toBeDefined();

      const weak = await http
        .post('/api/auth/reset-password')
        .send({ code: resetCode, password: owner.email, passwordConfirmation: owner.email });
      expect(weak.status).toBe(400);
      expect(weak.body.error.details.rule).toBe('matchesIdentity');

      const reset = await http.post('/api/auth/reset-password').send({
        code: resetCode,
        password: 'Rara-Lake-Mugu-2990',
        passwordConfirmation: 'Rara-Lake-Mugu-2990',
      });
      expect(reset.status).toBe(200);
      expect(
        (await http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken })).status,
      ).toBe(401);
      await http
        .post('/api/auth/local')
        .send({ identifier: owner.email, password: 'Rara-Lake-Mugu-2990' })
        .expect(200);
    });

    it('answers the same for an unknown email, so accounts cannot be discovered', async () => {
      const response = await client()
        .post('/api/auth/forgot-password')
        .send({ email: uniqueEmail() });
      expect(response.status).toBe(200);
    });
  });

  describe('profile', () => {
    it('shows the signed-in owner their own profile with defaults', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const response = await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`);
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        email: owner.email,
        displayName: null,
        phone: null,
        preferredLocale: 'en',
        notificationChannels: { email: true, sms: false },
        quietHours: { start: '21:00', end: '07:00' },
      });
    });

    it('keeps the quiet hours an owner sets, or none', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const put = (data: object) =>
        http.put('/api/profile').set('authorization', `Bearer ${owner.jwt}`).send({ data });
      const set = await put({ quietHours: { start: '22:30', end: '06:00' } });
      expect([set.status, set.body.data?.quietHours]).toEqual([
        200,
        { start: '22:30', end: '06:00' },
      ]);
      // Another change leaves them alone.
      expect((await put({ displayName: 'Sita' })).body.data.quietHours).toEqual({
        start: '22:30',
        end: '06:00',
      });
      const none = await put({ quietHours: null });
      expect([none.status, none.body.data?.quietHours]).toEqual([200, null]);
      const again = await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`);
      expect(again.body.data.quietHours).toBeNull();
    });

    it('updates name, phone (stored as +977…), language and channels', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      const response = await http
        .put('/api/profile')
        .set('authorization', `Bearer ${owner.jwt}`)
        .send({
          data: {
            displayName: 'Ram Bahadur',
            phone: '984-123 4567',
            preferredLocale: 'ne',
            notificationChannels: { email: false, sms: true },
          },
        });

      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        displayName: 'Ram Bahadur',
        phone: '+9779841234567',
        preferredLocale: 'ne',
        notificationChannels: { email: false, sms: true },
      });
      const again = await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`);
      expect(again.body.data.phone).toBe('+9779841234567');
    });

    it.each([
      [{ phone: '01-4412345' }, ['phone']],
      [{ preferredLocale: 'fr' }, ['preferredLocale']],
      [{ displayName: '' }, ['displayName']],
      [{ notificationChannels: { sms: true } }, ['notificationChannels', 'sms']],
      [{ quietHours: { start: '25:00', end: '07:00' } }, ['quietHours', 'start']],
      [{ quietHours: { start: '9:00', end: '07:00' } }, ['quietHours', 'start']],
      [{ quietHours: { start: '22:00' } }, ['quietHours', 'end']],
      [{ quietHours: { start: '22:00', end: '22:00' } }, ['quietHours', 'end']],
      [{ quietHours: { start: '22:00', end: '07:00', days: 2 } }, ['quietHours', 'days']],
      [{ email: 'takeover@example.com' }, []],
      [{ role: 1 }, []],
      [{ blocked: false }, []],
    ])('refuses %j with 400 naming the field, changing nothing', async (data, path) => {
      const http = client();
      const owner = await signedUpOwner(http);
      const response = await http
        .put('/api/profile')
        .set('authorization', `Bearer ${owner.jwt}`)
        .send({ data });

      expect(response.status).toBe(400);
      if (path.length > 0) {
        expect(response.body.error.details.errors[0].path).toEqual(path);
      } else {
        expect(response.body.error.message).toContain(Object.keys(data)[0]);
      }
      const profile = await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`);
      expect(profile.body.data).toMatchObject({
        email: owner.email,
        phone: null,
        preferredLocale: 'en',
      });
    });

    it('is not reachable without signing in', async () => {
      expect((await client().get('/api/profile')).status).toBe(403);
    });
  });

  describe('roles', () => {
    it.each([
      ['GET', '/api/users'],
      ['GET', '/api/users/1'],
      ['GET', '/api/users-permissions/roles'],
      ['POST', '/api/users'],
    ])('answers 403 to an owner calling %s %s', async (method, url) => {
      const http = client();
      const owner = await signedUpOwner(http);
      const call = method === 'GET' ? http.get(url) : http.post(url).send({});
      const response = await call.set('authorization', `Bearer ${owner.jwt}`);
      expect(response.status).toBe(403);
    });

    it('refuses an admin API token on owner routes, which have no owner to act for', async () => {
      const token = await app.strapi.service('admin::api-token-content-api').create({
        name: `full-access-${randomBytes(4).toString('hex')}`,
        kind: 'content-api',
        type: 'full-access',
        lifespan: null,
      });
      const http = client();
      const asToken = (url: string) =>
        http.get(url).set('authorization', `Bearer ${token.accessKey as string}`);
      // Stock Strapi lets a full-access token through to the controller, which has no owner.
      expect((await asToken('/api/profile')).status).toBe(401);
      expect((await asToken('/api/vehicles')).status).toBe(401);
      // Everywhere else it works as in stock Strapi.
      expect((await asToken('/api/catalog/makes?locale=en')).status).toBe(200);
    });

    it('applies a permission an admin withdraws from the Owner role on the next request', async () => {
      const http = client();
      const owner = await signedUpOwner(http);
      await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`).expect(200);
      const role = await app.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'authenticated' } });
      try {
        await app.strapi.db
          .query('plugin::users-permissions.permission')
          .delete({ where: { role: role.id, action: 'api::profile.profile.find' } });

        expect(
          (await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`)).status,
        ).toBe(403);
      } finally {
        await syncRolePermissions(app.strapi, 'authenticated', OWNER_ACTIONS);
      }
      await http.get('/api/profile').set('authorization', `Bearer ${owner.jwt}`).expect(200);
    });

    it('gives the Owner role exactly the owner actions, whatever an admin added', async () => {
      const roles = app.strapi.db.query('plugin::users-permissions.role');
      const owner = await roles.findOne({ where: { type: 'authenticated' } });
      await app.strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action: 'plugin::users-permissions.user.find', role: owner.id } });

      await syncRolePermissions(app.strapi, 'authenticated', OWNER_ACTIONS);

      const role = await roles.findOne({
        where: { type: 'authenticated' },
        populate: ['permissions'],
      });
      expect(role.name).toBe('Owner');
      const actions = role.permissions
        .map((permission: { action: string }) => permission.action)
        .sort();
      expect(actions).toEqual(
        [
          'api::catalog.catalog.makes',
          'api::catalog.catalog.model',
          'api::catalog.catalog.modelsOfMake',
          'api::home-page.home-page.find',
          'api::profile.profile.find',
          'api::profile.profile.update',
          'plugin::users-permissions.auth.changePassword',
          'plugin::users-permissions.auth.getSessions',
          'plugin::users-permissions.auth.logout',
          'plugin::users-permissions.auth.revokeSession',
          'plugin::users-permissions.user.me',
          ...[
            'list',
            'create',
            'findOne',
            'update',
            'delete',
            'listNotes',
            'createNote',
            'updateNote',
            'deleteNote',
            'listOdometer',
            'addOdometer',
            'addPhotos',
            'deletePhoto',
          ].map((action) => `api::vehicle.vehicles.${action}`),
          ...['presign', 'finalise', 'list', 'findOne', 'update', 'delete', 'download'].map(
            (action) => `api::document.documents.${action}`,
          ),
          ...[
            'list',
            'create',
            'findOne',
            'update',
            'delete',
            'complete',
            'cancel',
            'spending',
          ].map((action) => `api::service-record.service-records.${action}`),
          ...['token', 'rotateToken', 'revokeToken'].map(
            (action) => `api::calendar.calendar.${action}`,
          ),
          'api::service-center.service-centers.find',
          'api::service-center.service-centers.findOne',
          ...['list', 'save', 'unsave'].map(
            (action) => `api::service-center.saved-centers.${action}`,
          ),
          ...[
            'list',
            'create',
            'findOne',
            'update',
            'delete',
            'snooze',
            'dismiss',
            'complete',
            'templates',
            'createFromTemplates',
          ].map((action) => `api::reminder.reminders.${action}`),
          'api::news.articles.list',
          'api::news.articles.findOne',
          'api::news.recalls.mine',
          'api::news.recalls.setStatus',
          'api::garage.garage.version',
        ].sort(),
      );
    });
  });
});
