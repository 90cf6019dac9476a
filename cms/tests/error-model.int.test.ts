import { randomBytes } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
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
import { ownerFixture, type Owner } from './support/owners';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');

// Every refusal a domain service makes, answered in exactly the shape the API has always
// answered: `{ data: null, error: { status, name, message, details } }` with the field
// path. The whole body is compared, so a mapping that drops or renames anything fails.
describe('domain errors as the API answers them', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let plate = 0;
  const catalog = { bajaj: '', pulsar: '', hyundai: '' };
  const http = () => request(app.strapi.server.httpServer);
  const nextPlate = () => `GA ${1 + (plate += 1)} PA 1234`;

  const owners = ownerFixture(() => app.strapi, 'errors');
  const signUp = () => owners.signUp();

  const pulsar = (overrides: object = {}) => ({
    makeId: catalog.bajaj,
    modelId: catalog.pulsar,
    year: 2019,
    registrationNumber: nextPlate(),
    odometerKm: 1000,
    ...overrides,
  });

  async function addVehicle(owner: Owner, overrides: object = {}) {
    const vehicle = await owners.addVehicle(owner, pulsar(overrides));
    return vehicle as { id: string; registrationNumber: string };
  }

  const fieldError = (field: string[], message: string, extra: object = {}) => ({
    data: null,
    error: {
      status: 400,
      name: 'ValidationError',
      message: `${field.join('.')}: ${message}`,
      details: { ...extra, errors: [{ path: field, message, name: 'ValidationError' }] },
    },
  });
  const notFound = (message: string) => ({
    data: null,
    error: { status: 404, name: 'NotFoundError', message, details: {} },
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PROXY_HOPS: '1' }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    const makes = (await http().get('/api/catalog/makes')).body.data as Array<{
      id: string;
      slug: string;
    }>;
    catalog.bajaj = makes.find((make) => make.slug === 'bajaj')!.id;
    catalog.hyundai = makes.find((make) => make.slug === 'hyundai')!.id;
    const models = (await http().get(`/api/catalog/makes/${catalog.bajaj}/models`)).body.data;
    catalog.pulsar = models.find((model: { slug: string }) => model.slug === 'pulsar-150').id;
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it("answers another owner's vehicle, note and photo with the same 404 body", async () => {
    const [mine, theirs] = [await signUp(), await signUp()];
    const vehicle = await addVehicle(mine);
    const note = (await mine.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'Oil' })).body.data;
    for (const response of [
      await theirs.get(`/api/vehicles/${vehicle.id}`),
      await theirs.put(`/api/vehicles/${vehicle.id}`, { nickname: 'Mine now' }),
      await theirs.del(`/api/vehicles/${vehicle.id}`),
      await theirs.get(`/api/vehicles/${vehicle.id}/odometer`),
      await theirs.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 5 }),
      await theirs.get(`/api/vehicles/${vehicle.id}/notes`),
      await theirs.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'x' }),
      await theirs.del(`/api/vehicles/${vehicle.id}/photos/1`),
      // The photo route's policy refuses before the body is read.
      await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set(theirs.auth)
        .attach('files', Buffer.from('x'), { filename: 'x.jpg' }),
    ]) {
      expect([response.status, response.body]).toEqual([404, notFound('Vehicle not found')]);
    }
    for (const response of [
      await theirs.put(`/api/notes/${note.id}`, { body: 'x' }),
      await theirs.del(`/api/notes/${note.id}`),
    ]) {
      expect([response.status, response.body]).toEqual([404, notFound('Note not found')]);
    }
    const photo = await mine.del(`/api/vehicles/${vehicle.id}/photos/999999`);
    expect([photo.status, photo.body]).toEqual([404, notFound('Photo not found')]);
  });

  it('answers an unknown make or model of the catalog with a 404 body', async () => {
    const make = await http().get('/api/catalog/makes/nosuchmake/models');
    expect([make.status, make.body]).toEqual([404, notFound('Make not found')]);
    const model = await http().get('/api/catalog/models/nosuchmodel');
    expect([model.status, model.body]).toEqual([404, notFound('Model not found')]);
  });

  it('answers a taken registration number with a 409 naming registrationNumber', async () => {
    const [mine, theirs] = [await signUp(), await signUp()];
    const vehicle = await addVehicle(mine);
    const taken = await theirs.post(
      '/api/vehicles',
      pulsar({ registrationNumber: vehicle.registrationNumber }),
    );
    const message = 'This registration number is already registered';
    const conflict = {
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message,
        details: { errors: [{ path: ['registrationNumber'], message, name: 'ConflictError' }] },
      },
    };
    expect([taken.status, taken.body]).toEqual([409, conflict]);
    const other = await addVehicle(theirs);
    const renamed = await theirs.put(`/api/vehicles/${other.id}`, {
      registrationNumber: vehicle.registrationNumber,
    });
    expect([renamed.status, renamed.body]).toEqual([409, conflict]);
  });

  it('answers each catalog rule with a 400 naming the field', async () => {
    const owner = await signUp();
    const year = new Date().getFullYear();
    const cases: Array<[object, string, string]> = [
      [{ modelId: 'nosuchmodel' }, 'modelId', 'is not a model of the catalog'],
      [{ makeId: catalog.hyundai }, 'modelId', 'does not belong to that make'],
      [{ trimId: 'nosuchtrim' }, 'trimId', 'is not a trim of that model'],
      [{ year: year + 1 }, 'year', 'must not be in the future'],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await owner.post('/api/vehicles', pulsar(overrides));
      expect([response.status, response.body]).toEqual([400, fieldError([field], message)]);
    }
    const old = await owner.post('/api/vehicles', pulsar({ year: 1960 }));
    expect(old.status).toBe(400);
    expect(old.body.error.details.errors[0].path).toEqual(['year']);
    expect(old.body).toEqual(fieldError(['year'], old.body.error.details.errors[0].message));
    const fuel = await owner.post('/api/vehicles', pulsar({ fuel: 'diesel' }));
    expect(fuel.status).toBe(400);
    expect(fuel.body).toEqual(fieldError(['fuel'], fuel.body.error.details.errors[0].message));
  });

  it('answers odometer refusals with a 400 naming the field', async () => {
    const owner = await signUp();
    const vehicle = await addVehicle(owner);
    const lower = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 10 });
    expect([lower.status, lower.body]).toEqual([
      400,
      fieldError(
        ['readingKm'],
        'is lower than the last reading (1000 km); send correction: true if the last one was wrong',
      ),
    ]);
    const put = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerKm: 10 });
    expect([put.status, put.body]).toEqual([
      400,
      fieldError(
        ['odometerKm'],
        'is lower than the last reading (1000 km); send odometerCorrection: true if the last one was wrong',
      ),
    ]);
    const cleared = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerKm: null });
    expect([cleared.status, cleared.body]).toEqual([
      400,
      fieldError(
        ['odometerKm'],
        'cannot be cleared: the vehicle has odometer readings (the last is 1000 km); send a lower value with odometerCorrection: true to correct it',
      ),
    ]);
    const alone = await owner.put(`/api/vehicles/${vehicle.id}`, { odometerCorrection: true });
    expect([alone.status, alone.body]).toEqual([
      400,
      fieldError(['odometerCorrection'], 'needs the corrected odometerKm beside it'),
    ]);
  });

  it('answers a refused photo upload with a 400 naming files and the rule', async () => {
    const owner = await signUp();
    const vehicle = await addVehicle(owner);
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    const notPhoto = await http()
      .post(`/api/vehicles/${vehicle.id}/photos`)
      .set(owner.auth)
      .attach('files', Buffer.from('%PDF-1.4 not a photo'), { filename: 'a.jpg' });
    expect(notPhoto.status).toBe(400);
    expect(notPhoto.body.error).toMatchObject({
      status: 400,
      name: 'ValidationError',
      message: 'files: a.jpg is not a JPEG, PNG or WebP image',
      details: {
        rule: 'type',
        errors: [
          expect.objectContaining({
            path: ['files'],
            message: 'a.jpg is not a JPEG, PNG or WebP image',
            name: 'ValidationError',
          }),
        ],
      },
    });
    const ok = await http()
      .post(`/api/vehicles/${vehicle.id}/photos`)
      .set(owner.auth)
      .attach('files', png, { filename: 'ok.png' });
    expect(ok.status).toBe(201);
  });

  it('answers a profile rule and a weak password with a 400 naming the field', async () => {
    const owner = await signUp();
    const sms = await owner.put('/api/profile', { notificationChannels: { sms: true } });
    expect([sms.status, sms.body]).toEqual([
      400,
      fieldError(['notificationChannels', 'sms'], 'needs a phone number'),
    ]);
    const email = `weak-${randomBytes(4).toString('hex')}@example.com`;
    const weak = await http()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', '203.0.113.9')
      .send({ username: email, email, password: 'short' });
    const message = 'password must be at least 10 characters long';
    expect([weak.status, weak.body]).toEqual([
      400,
      {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message,
          details: {
            rule: 'minLength',
            errors: [{ path: ['password'], message, name: 'ValidationError', rule: 'minLength' }],
          },
        },
      },
    ]);
  });
});
