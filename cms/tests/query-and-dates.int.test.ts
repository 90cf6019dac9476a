import { randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
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
const PASSWORD = 'Gosaikunda-Trail-7720';

interface ErrorDetail {
  path: string[];
  message: string;
}

/** The paths every detail of a Strapi 400 names. */
const namedPaths = (body: { error?: { details?: { errors?: ErrorDetail[] } } }) =>
  (body.error?.details?.errors ?? []).map((detail) => detail.path.join('.'));

/** `YYYY-MM-DD` of the UTC day `days` from today. */
const utcDay = (days: number) =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

// Every query parameter and date an owner or visitor sends is checked where it enters, with
// a 400 that names it: the same rules on every route, never a database error or a stock 404.
describe('query parameters and dates on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let catalog: { bajaj: string; pulsar: string };
  let plate = 0;
  let owner: Owner;
  const http = () => request(app.strapi.server.httpServer);

  async function signUp() {
    const email = `dates-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD });
    expect(response.status).toBe(200);
    const auth = { authorization: `Bearer ${response.body.jwt as string}` };
    return {
      get: (url: string) => http().get(url).set(auth),
      post: (url: string, data: object) => http().post(url).set(auth).send({ data }),
      put: (url: string, data: object) => http().put(url).set(auth).send({ data }),
    };
  }
  type Owner = Awaited<ReturnType<typeof signUp>>;

  async function addVehicle(overrides: object = {}) {
    plate += 1;
    return owner.post('/api/vehicles', {
      makeId: catalog.bajaj,
      modelId: catalog.pulsar,
      year: 2019,
      registrationNumber: `BA ${plate} PA ${1000 + plate}`,
      odometerKm: 100,
      ...overrides,
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }));
    await seedCatalog(app.strapi, FIXTURE);
    const { make: bajaj, model: pulsar } = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    catalog = { bajaj, pulsar };
    owner = await signUp();
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('home page', () => {
    it('answers 400 naming locale to every locale that is not configured, the empty one included', async () => {
      for (const locale of ['xx', 'EN', 'en-US', '*', 'all', '', 'ne,en']) {
        const response = await http().get(`/api/home-page?locale=${encodeURIComponent(locale)}`);
        expect([locale, response.status, namedPaths(response.body)]).toEqual([
          locale,
          400,
          ['locale'],
        ]);
        expect(response.body).toMatchObject({ data: null, error: { status: 400 } });
      }
    });

    it('answers each configured locale in its language, the default one without a locale', async () => {
      const nepali = await http().get('/api/home-page?locale=ne');
      expect(nepali.status).toBe(200);
      expect(nepali.body.data).toMatchObject({ locale: 'ne', headline: 'मोटरघरमा स्वागत छ' });
      const standard = await http().get('/api/home-page');
      expect(standard.status).toBe(200);
      expect(standard.body.data).toMatchObject({ locale: 'en' });
      expect((await owner.get('/api/home-page?locale=en')).status).toBe(200);
    });

    it('answers 400 naming a query parameter it does not take', async () => {
      for (const query of ['populate=*', 'fields[0]=headline', 'status=draft', 'limt=5']) {
        const response = await http().get(`/api/home-page?locale=en&${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(namedPaths(response.body)).toHaveLength(1);
      }
      const draft = await http().get('/api/home-page?status=draft');
      expect(namedPaths(draft.body)).toEqual(['status']);
    });
  });

  describe('profile', () => {
    it('answers 400 naming any query parameter on GET and PUT, locale included, and changes nothing', async () => {
      for (const query of ['locale=xx', 'locale=en', 'populate=*', 'foo=1']) {
        const name = query.split('=')[0];
        const read = await owner.get(`/api/profile?${query}`);
        expect([query, read.status, namedPaths(read.body)]).toEqual([query, 400, [name]]);
        const write = await owner.put(`/api/profile?${query}`, { displayName: 'Not saved' });
        expect([query, write.status, namedPaths(write.body)]).toEqual([query, 400, [name]]);
      }
      const profile = await owner.get('/api/profile');
      expect(profile.status).toBe(200);
      expect(profile.body.data.displayName).not.toBe('Not saved');
    });
  });

  describe('dates', () => {
    const refusedDates = [
      '2026-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2099-01-01',
      utcDay(2),
      '1900-01-01',
      '1949-12-31',
      '26-01-01',
      '2026-1-1',
      '2026-01-01T00:00:00Z',
    ];

    it('refuses every purchaseDate that is not a real day from 1950-01-01 to tomorrow, naming it, and changes nothing', async () => {
      const created = await addVehicle({ purchaseDate: '2020-02-29' });
      expect(created.status).toBe(201);
      const vehicle = created.body.data as { id: string };
      for (const date of refusedDates) {
        const change = await owner.put(`/api/vehicles/${vehicle.id}`, { purchaseDate: date });
        expect([date, change.status, namedPaths(change.body)]).toEqual([
          date,
          400,
          ['purchaseDate'],
        ]);
        const create = await addVehicle({ purchaseDate: date });
        expect([date, create.status, namedPaths(create.body)]).toEqual([
          date,
          400,
          ['purchaseDate'],
        ]);
      }
      const after = await owner.get(`/api/vehicles/${vehicle.id}`);
      expect(after.body.data.purchaseDate).toBe('2020-02-29');
    });

    it('accepts purchaseDate from 1950-01-01 to tomorrow in UTC (Nepal is ahead of UTC)', async () => {
      const vehicle = (await addVehicle()).body.data as { id: string };
      for (const date of ['1950-01-01', '2024-02-29', utcDay(0), utcDay(1)]) {
        const change = await owner.put(`/api/vehicles/${vehicle.id}`, { purchaseDate: date });
        expect([date, change.status, change.body.data?.purchaseDate]).toEqual([date, 200, date]);
      }
    });

    it('refuses every readOn that is not a real day from 1950-01-01 to tomorrow, naming it, and records nothing', async () => {
      const vehicle = (await addVehicle()).body.data as { id: string };
      for (const date of refusedDates) {
        const reading = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, {
          readingKm: 200,
          readOn: date,
        });
        expect([date, reading.status, namedPaths(reading.body)]).toEqual([date, 400, ['readOn']]);
      }
      const readings = await owner.get(`/api/vehicles/${vehicle.id}/odometer`);
      expect(readings.body.data.map((row: { readingKm: number }) => row.readingKm)).toEqual([100]);

      for (const [index, date] of ['1950-01-01', utcDay(0), utcDay(1)].entries()) {
        const reading = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, {
          readingKm: 300 + index,
          readOn: date,
        });
        expect([date, reading.status, reading.body.data?.readOn]).toEqual([date, 201, date]);
      }
    });
  });
});
