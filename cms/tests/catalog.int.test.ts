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
} from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');

describe('vehicle catalog', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  const http = () => request(app.strapi.server.httpServer);

  const makeIdOf = async (slug: string) => {
    const response = await http().get('/api/catalog/makes?locale=en').expect(200);
    return response.body.data.find((make: { slug: string }) => make.slug === slug).id as string;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }));
  });
  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('seeds every make, model and trim in English and Nepali', async () => {
    const report = await seedCatalog(app.strapi, FIXTURE);
    expect(report.created).toEqual({ makes: 2, models: 3, trims: 3, localizations: 8 });
  });

  it('changes nothing when seeded again', async () => {
    const report = await seedCatalog(app.strapi, FIXTURE);
    expect(report.created).toEqual({ makes: 0, models: 0, trims: 0, localizations: 0 });
    expect(await app.strapi.db.query('api::catalog.model').count({})).toBe(6);
  });

  it('lists makes by name in the asked language', async () => {
    const en = await http().get('/api/catalog/makes?locale=en').expect(200);
    const ne = await http().get('/api/catalog/makes?locale=ne').expect(200);
    expect(en.body.data.map((make: { name: string }) => make.name)).toEqual(['Bajaj', 'Hyundai']);
    expect(ne.body.data.map((make: { name: string }) => make.name)).toEqual(['बजाज', 'हुन्डाई']);
    expect(en.body.data[0]).toEqual({
      id: expect.any(String),
      slug: 'bajaj',
      name: 'Bajaj',
      country: 'IN',
    });
  });

  it('lists the models of a make, and shows one model with its make and trims', async () => {
    const bajaj = await makeIdOf('bajaj');
    const models = await http().get(`/api/catalog/makes/${bajaj}/models?locale=ne`).expect(200);
    expect(models.body.data).toEqual([
      expect.objectContaining({
        slug: 'chetak',
        name: 'चेतक',
        vehicleType: 'scooter',
        isEv: true,
        yearTo: null,
      }),
      expect.objectContaining({
        slug: 'pulsar-150',
        name: 'पल्सर १५०',
        fuelTypes: ['petrol'],
        yearFrom: 2001,
      }),
    ]);

    const pulsar = models.body.data[1].id;
    const detail = await http().get(`/api/catalog/models/${pulsar}?locale=ne`).expect(200);
    expect(detail.body.data).toMatchObject({
      name: 'पल्सर १५०',
      make: { slug: 'bajaj', name: 'बजाज' },
      trims: [
        { slug: 'single-disc', name: 'सिंगल डिस्क' },
        { slug: 'twin-disc', name: 'ट्विन डिस्क' },
      ],
      defaultImageUrl: null,
    });
  });

  it('answers 404 for an unknown make or model', async () => {
    expect((await http().get('/api/catalog/makes/nope/models')).status).toBe(404);
    expect((await http().get('/api/catalog/models/nope')).status).toBe(404);
  });

  it("keeps an admin's rename through a new seed, and serves it at once despite the cache", async () => {
    const hyundai = await makeIdOf('hyundai');
    const before = await http().get(`/api/catalog/makes/${hyundai}/models?locale=ne`).expect(200);
    expect(before.body.data[0].name).toBe('क्रेटा');

    await app.strapi.documents('api::catalog.model').update({
      documentId: before.body.data[0].id,
      locale: 'ne',
      data: { name: 'क्रेटा (नयाँ)' } as never,
    });
    const renamed = await http().get(`/api/catalog/makes/${hyundai}/models?locale=ne`).expect(200);
    expect(renamed.body.data[0].name).toBe('क्रेटा (नयाँ)');

    await seedCatalog(app.strapi, FIXTURE);
    const after = await http()
      .get(`/api/catalog/models/${before.body.data[0].id}?locale=ne`)
      .expect(200);
    expect(after.body.data.name).toBe('क्रेटा (नयाँ)');
  });
});
