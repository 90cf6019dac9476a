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

interface Catalog {
  bajaj: string;
  hyundai: string;
  pulsar: string;
  chetak: string;
  creta: string;
  twinDisc: string;
  sx: string;
}

describe('the garage on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let metricsToken: string;
  let catalog: Catalog;
  let plate = 0;
  const http = () => request(app.strapi.server.httpServer);

  /** A fresh, valid zonal registration number. */
  const nextPlate = () => {
    plate += 1;
    return `BA ${1 + Math.floor(plate / 9000)} PA ${1000 + (plate % 9000)}`;
  };

  const owners = ownerFixture(() => app.strapi, 'garage');
  const signUp = () => owners.signUp();

  const pulsarInput = (overrides: object = {}) => ({
    makeId: catalog.bajaj,
    modelId: catalog.pulsar,
    trimId: catalog.twinDisc,
    year: 2019,
    registrationNumber: nextPlate(),
    nickname: 'Rato Pulsar',
    colour: 'Red',
    fuel: 'petrol',
    purchaseDate: '2019-05-01',
    odometerKm: 12500,
    ...overrides,
  });

  async function addVehicle(owner: Owner, overrides: object = {}) {
    const vehicle = await owners.addVehicle(owner, pulsarInput(overrides));
    return vehicle as { id: string; nickname: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PROXY_HOPS: '1' });
    metricsToken = env.METRICS_TOKEN;
    app = await bootStrapi(env);
    await seedCatalog(app.strapi, FIXTURE);
    const makes = (await http().get('/api/catalog/makes')).body.data as Array<{
      id: string;
      slug: string;
    }>;
    const idOf = (slug: string) => makes.find((make) => make.slug === slug)!.id;
    const bajajModels = (await http().get(`/api/catalog/makes/${idOf('bajaj')}/models`)).body.data;
    const hyundaiModels = (await http().get(`/api/catalog/makes/${idOf('hyundai')}/models`)).body
      .data;
    const pulsar = bajajModels.find((model: { slug: string }) => model.slug === 'pulsar-150').id;
    const creta = hyundaiModels[0].id;
    const pulsarDetail = (await http().get(`/api/catalog/models/${pulsar}`)).body.data;
    const cretaDetail = (await http().get(`/api/catalog/models/${creta}`)).body.data;
    catalog = {
      bajaj: idOf('bajaj'),
      hyundai: idOf('hyundai'),
      pulsar,
      chetak: bajajModels.find((model: { slug: string }) => model.slug === 'chetak').id,
      creta,
      twinDisc: pulsarDetail.trims.find((trim: { slug: string }) => trim.slug === 'twin-disc').id,
      sx: cretaDetail.trims[0].id,
    };
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('adding a vehicle', () => {
    it('adds a vehicle with catalog names in the asked language and a first odometer reading', async () => {
      const owner = await signUp();
      const response = await owner.post(
        '/api/vehicles?locale=ne',
        pulsarInput({ registrationNumber: 'ME 1 KHA 55' }),
      );

      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({
        id: expect.any(String),
        nickname: 'Rato Pulsar',
        registrationNumber: 'ME 1 KHA 55',
        make: { id: catalog.bajaj, name: 'बजाज' },
        model: { id: catalog.pulsar, name: 'पल्सर १५०', vehicleType: 'motorcycle' },
        trim: { id: catalog.twinDisc, name: 'ट्विन डिस्क' },
        year: 2019,
        odometerKm: 12500,
        purchaseDate: '2019-05-01',
        picture: { url: null, thumbnailUrl: null, source: 'placeholder' },
      });
      const readings = await owner.get(`/api/vehicles/${response.body.data.id}/odometer`);
      expect(readings.body.data).toEqual([
        expect.objectContaining({ readingKm: 12500, correction: false }),
      ]);
    });

    it('refuses one registration number written three ways with 409, across owners', async () => {
      const first = await signUp();
      const second = await signUp();
      await addVehicle(first, { registrationNumber: 'BA 2 PA 1234' });

      for (const [owner, spelling] of [
        [first, 'ba-2-pa-1234'],
        [second, 'बा २ प १२३४'],
        [second, 'BA 02 PA 1234'],
      ] as const) {
        const response = await owner.post(
          '/api/vehicles',
          pulsarInput({ registrationNumber: spelling }),
        );
        expect(response.status).toBe(409);
        expect(response.body.error.details.errors[0].path).toEqual(['registrationNumber']);
      }
    });

    it('accepts the provincial form and folds its spellings together', async () => {
      const owner = await signUp();
      const added = await owner.post(
        '/api/vehicles',
        pulsarInput({ registrationNumber: 'Bagmati 01-002 Pa 4321' }),
      );
      expect(added.status).toBe(201);
      const again = await owner.post(
        '/api/vehicles',
        pulsarInput({ registrationNumber: 'P-3 01-002 Pa 4321' }),
      );
      expect(again.status).toBe(409);
    });

    it.each([
      [
        'a nonsense registration number',
        { registrationNumber: 'hello world' },
        'registrationNumber',
      ],
      ['a VIN with the letter O', { vin: '1HGCM82633AO04352' }, 'vin'],
      ['a VIN with a wrong check digit', { vin: '1HGCM82643A004352' }, 'vin'],
      ['a VIN of 16 characters', { vin: '1HGCM82633A00435' }, 'vin'],
      ['a year in the future', { year: new Date().getFullYear() + 1 }, 'year'],
      ['a year before the model was sold', { year: 1999 }, 'year'],
      ['a model of another make', { modelId: 'creta' }, 'modelId'],
      ['a trim of another model', { trimId: 'sx' }, 'trimId'],
      ['a fuel the model never had', { fuel: 'diesel' }, 'fuel'],
      ['a field that is not a vehicle field', { ownerId: 1 }, null],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const owner = await signUp();
      const resolved = Object.fromEntries(
        Object.entries(overrides).map(([key, value]) => [
          key,
          value === 'creta' ? catalog.creta : value === 'sx' ? catalog.sx : value,
        ]),
      );
      const response = await owner.post('/api/vehicles', pulsarInput(resolved));
      expect(response.status).toBe(400);
      if (field) expect(response.body.error.details.errors[0].path).toEqual([field]);
      else expect(response.body.error.message).toContain('ownerId');
      expect((await owner.get('/api/vehicles')).body.data).toEqual([]);
    });

    it('accepts a valid VIN and stores it normalised', async () => {
      const owner = await signUp();
      const vehicle = await owner.post('/api/vehicles', pulsarInput({ vin: '1hgcm8263-3a004352' }));
      expect(vehicle.status).toBe(201);
      expect(vehicle.body.data.vin).toBe('1HGCM82633A004352');
    });
  });

  describe('odometer', () => {
    it('never goes down unless the owner says it is a correction', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);

      const lower = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 12000 });
      expect(lower.status).toBe(400);
      expect(lower.body.error.details.errors[0].path).toEqual(['readingKm']);

      const higher = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, {
        readingKm: 13000,
        readOn: '2026-01-10',
      });
      expect(higher.status).toBe(201);
      const corrected = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, {
        readingKm: 12900,
        correction: true,
      });
      expect(corrected.status).toBe(201);

      const detail = await owner.get(`/api/vehicles/${vehicle.id}`);
      expect(detail.body.data.odometerKm).toBe(12900);
      const history = await owner.get(`/api/vehicles/${vehicle.id}/odometer`);
      expect(history.body.data.map((reading: { readingKm: number }) => reading.readingKm)).toEqual([
        12900, 13000, 12500,
      ]);
      expect(history.body.data[0].correction).toBe(true);
    });
  });

  describe('notes and deletion', () => {
    it('keeps notes newest first, edits and deletes them', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const first = await owner.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'Chain oiled' });
      await owner.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'New tyres' });
      expect(first.status).toBe(201);

      const edited = await owner.put(`/api/notes/${first.body.data.id}`, {
        body: 'Chain oiled and tightened',
      });
      expect(edited.body.data.body).toBe('Chain oiled and tightened');
      const notes = await owner.get(`/api/vehicles/${vehicle.id}/notes`);
      expect(notes.body.data.map((note: { body: string }) => note.body)).toEqual([
        'New tyres',
        'Chain oiled and tightened',
      ]);

      expect((await owner.del(`/api/notes/${first.body.data.id}`)).status).toBe(204);
      expect((await owner.get(`/api/vehicles/${vehicle.id}/notes`)).body.data).toHaveLength(1);
      expect((await owner.post(`/api/vehicles/${vehicle.id}/notes`, { body: '  ' })).status).toBe(
        400,
      );
    });

    it('deletes a vehicle with its notes and odometer readings', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      await owner.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'Serviced at Teku' });
      await owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 14000 });
      const row = await app.strapi.db
        .query('api::vehicle.vehicle')
        .findOne({ where: { documentId: vehicle.id } });
      const children = async () => [
        await app.strapi.db
          .query('api::vehicle.vehicle-note')
          .count({ where: { vehicle: { id: row.id } } }),
        await app.strapi.db
          .query('api::vehicle.odometer-reading')
          .count({ where: { vehicle: { id: row.id } } }),
      ];
      expect(await children()).toEqual([1, 2]);

      expect((await owner.del(`/api/vehicles/${vehicle.id}`)).status).toBe(204);

      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).status).toBe(404);
      expect(await children()).toEqual([0, 0]);
      expect((await owner.get('/api/vehicles')).body.data).toEqual([]);
    });
  });

  describe('another owner', () => {
    it("gets 404 for every verb on someone else's vehicle and note, and changes nothing", async () => {
      const owner = await signUp();
      const intruder = await signUp();
      const vehicle = await addVehicle(owner);
      const note = (await owner.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'Mine' })).body
        .data;

      const attempts = [
        () => intruder.get(`/api/vehicles/${vehicle.id}`),
        () => intruder.put(`/api/vehicles/${vehicle.id}`, { nickname: 'Stolen' }),
        () => intruder.del(`/api/vehicles/${vehicle.id}`),
        () => intruder.get(`/api/vehicles/${vehicle.id}/notes`),
        () => intruder.post(`/api/vehicles/${vehicle.id}/notes`, { body: 'Hi' }),
        () => intruder.put(`/api/notes/${note.id}`, { body: 'Changed' }),
        () => intruder.del(`/api/notes/${note.id}`),
        () => intruder.get(`/api/vehicles/${vehicle.id}/odometer`),
        () => intruder.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 99999 }),
      ];
      // One at a time: each supertest request binds the shared server.
      for (const attempt of attempts) expect((await attempt()).status).toBe(404);

      const mine = await owner.get(`/api/vehicles/${vehicle.id}`);
      expect(mine.body.data).toMatchObject({ nickname: 'Rato Pulsar', odometerKm: 12500 });
      expect((await owner.get(`/api/vehicles/${vehicle.id}/notes`)).body.data[0].body).toBe('Mine');
    });

    it("never sees another owner's vehicles through the cache", async () => {
      const first = await signUp();
      const second = await signUp();
      await addVehicle(first, { nickname: 'First owner bike' });
      expect((await first.get('/api/vehicles')).body.data).toHaveLength(1);
      expect((await first.get('/api/vehicles')).body.data).toHaveLength(1);

      const theirs = await second.get('/api/vehicles');
      expect(theirs.body.data).toEqual([]);
    });
  });

  describe('pagination', () => {
    it('pages through 45 vehicles, stable while vehicles are added between pages', async () => {
      const owner = await signUp();
      const original: string[] = [];
      for (let index = 0; index < 45; index += 1) {
        original.push((await addVehicle(owner, { nickname: `Bike ${index}` })).id);
      }

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor
          ? `?limit=20&cursor=${encodeURIComponent(cursor)}`
          : '?limit=20';
        const response = await owner.get(`/api/vehicles${query}`);
        expect(response.status).toBe(200);
        seen.push(...response.body.data.map((vehicle: { id: string }) => vehicle.id));
        cursor = response.body.meta.pagination.nextCursor;
        pages += 1;
        await addVehicle(owner, { nickname: `Added after page ${pages}` });
      } while (cursor);

      expect(pages).toBe(3);
      expect(seen).toEqual([...original].reverse());
    });

    it('answers 400 naming the cursor when it was tampered with, and 400 for limit 101', async () => {
      const owner = await signUp();
      await addVehicle(owner);
      await addVehicle(owner);
      const first = await owner.get('/api/vehicles?limit=1');
      const cursor: string = first.body.meta.pagination.nextCursor;
      const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;

      const response = await owner.get(`/api/vehicles?cursor=${encodeURIComponent(tampered)}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
      expect((await owner.get('/api/vehicles?limit=101')).status).toBe(400);
    });
  });

  describe('cache', () => {
    it('shows a change at once, though the list is cached', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      expect((await owner.get('/api/vehicles')).body.data[0].nickname).toBe('Rato Pulsar');
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.nickname).toBe(
        'Rato Pulsar',
      );

      await owner.put(`/api/vehicles/${vehicle.id}`, { nickname: 'Kalo Pulsar' }).expect(200);

      expect((await owner.get('/api/vehicles')).body.data[0].nickname).toBe('Kalo Pulsar');
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.nickname).toBe(
        'Kalo Pulsar',
      );
    });

    it('answers a cached list and vehicle with the same JSON as the first, uncached read', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      for (const path of ['/api/vehicles', `/api/vehicles/${vehicle.id}`]) {
        const first = await owner.get(path).expect(200);
        const cached = await owner.get(path).expect(200);
        expect(cached.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(cached.text).toBe(first.text);
      }
      const detail = (await owner.get(`/api/vehicles/${vehicle.id}`)).body;
      expect(detail.data).toMatchObject({ id: vehicle.id, nickname: 'Rato Pulsar' });
      expect((await owner.get('/api/vehicles')).body.data).toEqual([detail.data]);
    });

    it('shows a catalog rename in cached lists', async () => {
      const owner = await signUp();
      await addVehicle(owner, {
        modelId: catalog.creta,
        makeId: catalog.hyundai,
        trimId: catalog.sx,
        fuel: 'diesel',
        year: 2021,
      });
      expect((await owner.get('/api/vehicles')).body.data[0].model.name).toBe('Creta');

      await app.strapi.documents('api::catalog.model').update({
        documentId: catalog.creta,
        locale: 'en',
        data: { name: 'Creta N Line' } as never,
      });

      expect((await owner.get('/api/vehicles')).body.data[0].model.name).toBe('Creta N Line');
    });

    it('counts list latency and cache hits in the metrics', async () => {
      const owner = await signUp();
      await owner.get('/api/vehicles');
      await owner.get('/api/vehicles');
      const metrics = await http().get('/metrics').set('authorization', `Bearer ${metricsToken}`);
      expect(metrics.text).toMatch(/vehicle_list_duration_seconds_count\{cache="hit"\} [1-9]/);
      expect(metrics.text).toMatch(/cache_lookups_total\{cache="vehicles",result="hit"\} [1-9]/);
      expect(metrics.text).toMatch(/cache_lookups_total\{cache="vehicles",result="miss"\} [1-9]/);
    });
  });

  describe('photos', () => {
    const image = (format: 'jpeg' | 'png' | 'webp') =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: '#b22222' } })
        .toFormat(format)
        .toBuffer();

    it('uploads JPEG, PNG and WebP photos; the newest becomes the picture; deleting falls back', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const uploadsBefore = await app.strapi.db.query('plugin::upload.file').count({});

      const uploaded = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .attach('files', await image('jpeg'), { filename: 'side.jpg', contentType: 'image/jpeg' })
        .attach('files', await image('png'), { filename: 'front.png', contentType: 'image/png' })
        .attach('files', await image('webp'), { filename: 'back.webp', contentType: 'image/webp' });

      expect(uploaded.status).toBe(201);
      const { photos, picture } = uploaded.body.data;
      expect(photos).toHaveLength(3);
      expect(picture).toEqual({
        url: photos[0].url,
        thumbnailUrl: photos[0].thumbnailUrl,
        source: 'photo',
      });
      // Too small for a smaller copy: the small copy is the photo itself.
      expect(photos[0].thumbnailUrl).toBe(photos[0].url);
      // In the private store, by signed links only: never under /uploads.
      for (const photo of photos) {
        expect(photo.url).toMatch(/^\/api\/files\//);
        expect((await http().get(photo.url)).status).toBe(200);
      }
      expect(await app.strapi.db.query('plugin::upload.file').count({})).toBe(uploadsBefore);
      expect((await owner.get('/api/vehicles')).body.data[0].picture.source).toBe('photo');

      for (const photo of photos) {
        expect((await owner.del(`/api/vehicles/${vehicle.id}/photos/${photo.id}`)).status).toBe(
          204,
        );
      }
      const after = await owner.get(`/api/vehicles/${vehicle.id}`);
      expect(after.body.data.photos).toEqual([]);
      expect(after.body.data.picture).toEqual({
        url: null,
        thumbnailUrl: null,
        source: 'placeholder',
      });
    });

    it('refuses a file that only claims to be an image, naming files, and stores none of the upload', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const response = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .attach('files', await image('png'), { filename: 'ok.png', contentType: 'image/png' })
        .attach('files', Buffer.from('%PDF-1.7 not a photo'), {
          filename: 'car.png',
          contentType: 'image/png',
        });

      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['files']);
      expect(response.body.error.message).toContain('car.png');
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.photos).toEqual([]);
    });

    it.each([
      // A PNG's signature and header, then bytes that are no picture at all.
      [
        'no picture after the header',
        (png: Buffer) => Buffer.concat([png.subarray(0, 33), Buffer.alloc(200, 0x5a)]),
      ],
      // A header whose checksum is wrong: readable enough to look like an image, not to resize.
      [
        'a damaged header',
        (png: Buffer) =>
          Buffer.concat([png.subarray(0, 29), Buffer.from([0, 0, 0, 0]), png.subarray(33)]),
      ],
    ])(
      'refuses a PNG with %s, naming files, and stores none of the upload',
      async (_, breakPng) => {
        const owner = await signUp();
        const vehicle = await addVehicle(owner);
        const png = await image('png');

        const response = await http()
          .post(`/api/vehicles/${vehicle.id}/photos`)
          .set('authorization', `Bearer ${owner.jwt}`)
          .attach('files', png, { filename: 'ok.png', contentType: 'image/png' })
          .attach('files', breakPng(png), { filename: 'broken.png', contentType: 'image/png' });

        expect(response.status).toBe(400);
        expect(response.body.error.details.errors[0].path).toEqual(['files']);
        expect(response.body.error.message).toContain('broken.png');
        expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.photos).toEqual([]);
      },
    );

    it('refuses a photo over 8 MB with 413', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const huge = Buffer.concat([await image('png'), Buffer.alloc(8 * 1024 * 1024)]);
      const response = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .attach('files', huge, { filename: 'huge.png', contentType: 'image/png' });
      expect(response.status).toBe(413);
    });

    it('answers 404 to another owner adding or deleting photos', async () => {
      const owner = await signUp();
      const intruder = await signUp();
      const vehicle = await addVehicle(owner);
      const uploaded = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${owner.jwt}`)
        .attach('files', await image('jpeg'), { filename: 'mine.jpg', contentType: 'image/jpeg' });
      const photoId = uploaded.body.data.photos[0].id;

      const add = await http()
        .post(`/api/vehicles/${vehicle.id}/photos`)
        .set('authorization', `Bearer ${intruder.jwt}`)
        .attach('files', await image('jpeg'), {
          filename: 'theirs.jpg',
          contentType: 'image/jpeg',
        });
      expect(add.status).toBe(404);
      expect((await intruder.del(`/api/vehicles/${vehicle.id}/photos/${photoId}`)).status).toBe(
        404,
      );
      expect((await owner.get(`/api/vehicles/${vehicle.id}`)).body.data.photos).toHaveLength(1);
      await owner.del(`/api/vehicles/${vehicle.id}`).expect(204);
    });
  });

  it("refuses a signed-out owner's token on the very next garage request", async () => {
    const owner = await signUp();
    await owner.get('/api/vehicles').expect(200);
    await http()
      .post('/api/auth/logout')
      .set('authorization', `Bearer ${owner.jwt}`)
      .send({})
      .expect(200);
    expect((await owner.get('/api/vehicles')).status).toBe(401);
  });
});
