import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  catalogIds,
} from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const PASSWORD = 'Phewa-Lake-Pokhara-822';

describe('deleting a vehicle on PostgreSQL', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let failVehicleDelete = false;
  let owners = 0;
  const folder = mkdtempSync(path.join(tmpdir(), 'mg-private-delete-'));
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PRIVATE_FILES_DIR: folder }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    // Fails the last step of a vehicle's deletion, after its notes, readings and photos.
    app.strapi.documents.use(async (context, next) => {
      if (
        failVehicleDelete &&
        context.uid === 'api::vehicle.vehicle' &&
        context.action === 'delete'
      ) {
        throw new Error('database went away');
      }
      return next();
    });
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function ownerWithPhotographedVehicle() {
    owners += 1;
    const email = `delete-${owners}@example.com`;
    const signUp = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD })
      .expect(200);
    const auth = { authorization: `Bearer ${signUp.body.jwt as string}` };
    const { make: bajaj, model: pulsar } = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    const created = await http()
      .post('/api/vehicles')
      .set(auth)
      .send({
        data: {
          makeId: bajaj,
          modelId: pulsar,
          year: 2019,
          registrationNumber: `BA 2 PA ${4320 + owners}`,
        },
      })
      .expect(201);
    const vehicleId = created.body.data.id as string;
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .jpeg()
      .toBuffer();
    const uploaded = await http()
      .post(`/api/vehicles/${vehicleId}/photos`)
      .set(auth)
      .attach('files', photo, { filename: 'bike.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const [stored] = uploaded.body.data.photos as Array<{ id: string; url: string }>;
    const row = (await app.strapi.db
      .query('api::vehicle.vehicle-photo')
      .findOne({ where: { documentId: stored.id } })) as { storageKey: string };
    return { auth, vehicleId, stored, file: path.join(folder, row.storageKey) };
  }

  const photoRow = (id: string) =>
    app.strapi.db.query('api::vehicle.vehicle-photo').findOne({ where: { documentId: id } });

  it('keeps the photos, file and row, when the deletion rolls back after removing them', async () => {
    const { auth, vehicleId, stored, file } = await ownerWithPhotographedVehicle();
    expect(existsSync(file)).toBe(true);

    failVehicleDelete = true;
    try {
      const response = await http().delete(`/api/vehicles/${vehicleId}`).set(auth);
      expect(response.status).toBe(500);
    } finally {
      failVehicleDelete = false;
    }

    const vehicle = await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(200);
    expect(vehicle.body.data.photos.map((photo: { id: string }) => photo.id)).toEqual([stored.id]);
    expect(await photoRow(stored.id)).not.toBeNull();
    expect(existsSync(file)).toBe(true);
    await http().get(stored.url).expect(200);
  });

  it('removes the photos, file and row, once the deletion commits', async () => {
    const { auth, vehicleId, stored, file } = await ownerWithPhotographedVehicle();

    await http().delete(`/api/vehicles/${vehicleId}`).set(auth).expect(204);

    await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(404);
    expect(await photoRow(stored.id)).toBeNull();
    expect(existsSync(file)).toBe(false);
    // The link handed out before is dead too: its file is gone.
    expect((await http().get(stored.url)).status).toBe(404);
  });
});
