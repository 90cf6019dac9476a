import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import {
  bootStrapi,
  catalogIds,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const PASSWORD = 'Rara-Lake-Mugu-2990';
const ADMIN = { email: 'console-admin@example.com', password: 'Console-Admin-2026' };
const DAY = 24 * 60 * 60 * 1000;
const CENTER_UID = 'api::service-center.service-center';
const RECALL_UID = 'api::recall.recall';

describe('the admin console: homepage widgets, list columns, list and edit views', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let admin: { authorization: string };
  const http = () => request(app.strapi.server.httpServer);

  async function sql(text: string, values: unknown[] = []) {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  let signUps = 0;
  let plates = 1000;
  async function signUp() {
    const email = `console-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', `198.51.100.${(signUps += 1)}`)
      .send({ username: email, email, password: PASSWORD });
    expect(response.status).toBe(200);
    const auth = { authorization: `Bearer ${response.body.jwt as string}` };
    return {
      id: response.body.user.id as number,
      email,
      post: (url: string, data: object) => http().post(url).set(auth).send({ data }),
    };
  }

  let pulsar: { make: string; model: string };
  const vehicles: Array<{ id: string; registrationNumber: string; ownerId: number }> = [];
  let owners: Array<Awaited<ReturnType<typeof signUp>>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PROXY_HOPS: '1' }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Console',
      lastname: 'Admin',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    const login = await http().post('/admin/login').send(ADMIN);
    expect(login.status).toBe(200);
    admin = { authorization: `Bearer ${login.body.data.token as string}` };

    pulsar = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    owners = [await signUp(), await signUp(), await signUp()];
    // Two vehicles for the first owner, one for the second, none for the third.
    for (const owner of [owners[0], owners[0], owners[1]]) {
      const registrationNumber = `BA 2 PA ${(plates += 1)}`;
      const response = await owner.post('/api/vehicles', {
        makeId: pulsar.make,
        modelId: pulsar.model,
        year: 2019,
        registrationNumber,
      });
      expect(response.status).toBe(201);
      vehicles.push({ id: response.body.data.id, registrationNumber, ownerId: owner.id });
    }
    // One service due in three days, one in three weeks (not this week).
    const now = Date.now();
    for (const days of [3, 21]) {
      const response = await owners[0].post('/api/service-records', {
        vehicleId: vehicles[0].id,
        scheduledAt: new Date(now + days * DAY).toISOString(),
        kind: 'general-service',
      });
      expect(response.status).toBe(201);
    }
    // The third owner joined three weeks ago: not new this week.
    await sql('update up_users set created_at = $1 where id = $2', [
      new Date(now - 21 * DAY),
      owners[2].id,
    ]);
    // Deliveries: two sent and one failed this week, one sent ten days ago.
    const delivery = (key: string, status: string, at: Date) =>
      sql(
        `insert into reminder_deliveries (delivery_key, notice_key, source, owner_id, channel,
           recipient, locale, body, status, next_attempt_at, due_at, sent_at, created_at, updated_at)
         values ($1, $1, 'test', $2, 'email', 'x@example.com', 'en', 'body', $3, $4, $4, $5, $4, $4)`,
        [key, owners[0].id, status, at, status === 'sent' ? at : null],
      );
    await delivery('a', 'sent', new Date(now - DAY));
    await delivery('b', 'sent', new Date(now - 2 * DAY));
    await delivery('c', 'failed', new Date(now - DAY));
    await delivery('d', 'sent', new Date(now - 10 * DAY));
    await delivery('e', 'pending', new Date(now));
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('GET /admin-console/stats', () => {
    it('answers 401 without an admin session, and to an owner token', async () => {
      expect((await http().get('/admin-console/stats')).status).toBe(401);
      const owner = await http()
        .post('/api/auth/local')
        .set('x-forwarded-for', '198.51.100.200')
        .send({ identifier: owners[0].email, password: PASSWORD });
      const ownerToken = { authorization: `Bearer ${owner.body.jwt as string}` };
      expect((await http().get('/admin-console/stats').set(ownerToken)).status).toBe(401);
    });

    it('counts owners, new owners, vehicles, services due and deliveries from the tables', async () => {
      if (app.strapi.contentTypes[CENTER_UID as never]) {
        await app.strapi.documents(CENTER_UID as never).create({
          // No address the geocoder can place: the geocoding plugin flags it.
          data: { name: 'Kalimati Auto Works' } as never,
        });
        await app.strapi.documents(CENTER_UID as never).create({
          // Coordinates set by hand: placed, not flagged.
          data: { name: 'Pokhara Motors', latitude: 28.21, longitude: 83.98 } as never,
        });
      }
      const response = await http().get('/admin-console/stats').set(admin);
      expect(response.status).toBe(200);
      const stats = response.body.data;
      expect(stats.owners).toEqual({ total: 3, newThisWeek: 2 });
      expect(stats.vehicles).toEqual({ total: 3 });
      expect(stats.servicesDue).toEqual({ thisWeek: 1 });
      expect(stats.deliveries).toEqual({ sent: 2, failed: 1 });
      // Types other domains bring: counted when they exist, null ("—") until then.
      if (app.strapi.contentTypes[CENTER_UID as never]) {
        expect(stats.centers).toEqual({ needsCoordinates: 1 });
      } else {
        expect(stats.centers).toBeNull();
      }
      if (!app.strapi.contentTypes[RECALL_UID as never]) expect(stats.recalls).toBeNull();
      else expect(stats.recalls).toEqual(expect.objectContaining({ total: 0 }));
    });
  });

  describe('GET /admin-console/labels', () => {
    it('answers 401 without an admin session', async () => {
      expect((await http().get(`/admin-console/labels?owners=${owners[0].id}`)).status).toBe(401);
    });

    it("names owners, makes, models and vehicles and counts owners' vehicles in one call", async () => {
      const response = await http()
        .get('/admin-console/labels')
        .query({
          owners: owners.map((owner) => owner.id).join(','),
          makes: pulsar.make,
          models: pulsar.model,
          vehicles: vehicles.map((vehicle) => vehicle.id).join(','),
          vehicleCounts: owners.map((owner) => owner.id).join(','),
        })
        .set(admin);
      expect(response.status).toBe(200);
      const labels = response.body.data;
      expect(labels.owners).toEqual(
        Object.fromEntries(owners.map((owner) => [String(owner.id), owner.email])),
      );
      expect(labels.makes).toEqual({ [pulsar.make]: 'Bajaj' });
      expect(labels.models[pulsar.model]).toMatch(/^Pulsar 150/);
      expect(labels.vehicles).toEqual(
        Object.fromEntries(vehicles.map((vehicle) => [vehicle.id, vehicle.registrationNumber])),
      );
      expect(labels.vehicleCounts).toEqual({
        [owners[0].id]: 2,
        [owners[1].id]: 1,
        [owners[2].id]: 0,
      });
    });

    it.each([
      ['owners', 'abc'],
      ['vehicleCounts', '0'],
      ['makes', 'not an id!'],
      ['locale', 'english please'],
    ])('answers 400 naming %s for a bad value', async (field, value) => {
      const response = await http()
        .get('/admin-console/labels')
        .query({ [field]: value })
        .set(admin);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
    });
  });

  describe('list and edit views applied at boot', () => {
    const configuration = async (uid: string) => {
      const response = await http()
        .get(`/content-manager/content-types/${uid}/configuration`)
        .set(admin);
      expect(response.status).toBe(200);
      return response.body.data.contentType as {
        settings: Record<string, unknown>;
        metadatas: Record<string, { list: { label: string }; edit: Record<string, unknown> }>;
        layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
      };
    };

    it('shows vehicles by registration number, owner, make, model and year', async () => {
      const vehicle = await configuration('api::vehicle.vehicle');
      expect(vehicle.layouts.list).toEqual([
        'registrationNumber',
        'ownerId',
        'makeId',
        'modelId',
        'year',
      ]);
      expect(vehicle.settings).toMatchObject({
        mainField: 'registrationNumber',
        defaultSortBy: 'createdAt',
        defaultSortOrder: 'DESC',
      });
      expect(vehicle.metadatas.ownerId.list.label).toBe('Owner');
      expect(vehicle.metadatas.registrationNumber.edit.label).toBe('Registration number');
      expect(vehicle.metadatas.ownerId.edit.editable).toBe(false);
      const editFields = vehicle.layouts.edit.flat().map(({ name }) => name);
      expect(editFields.slice(0, 5)).toEqual([
        'registrationNumber',
        'nickname',
        'makeId',
        'modelId',
        'year',
      ]);
      expect(editFields).not.toContain('registrationKey');
      expect(editFields).toContain('odometerKm');
    });

    it('shows owners by email, name, phone and blocked; their tokens never in the edit view', async () => {
      const owner = await configuration('plugin::users-permissions.user');
      expect(owner.layouts.list).toEqual(['email', 'displayName', 'phone', 'blocked', 'createdAt']);
      expect(owner.settings.mainField).toBe('email');
      expect(owner.metadatas.phone.list.label).toBe('Mobile number');
      const editFields = owner.layouts.edit.flat().map(({ name }) => name);
      expect(editFields).not.toContain('resetPasswordToken');
      expect(editFields).not.toContain('confirmationToken');
    });

    it('keeps the documents list to metadata, without storage keys', async () => {
      const document = await configuration('api::document.document');
      expect(document.layouts.list).toEqual([
        'kind',
        'title',
        'vehicle',
        'ownerId',
        'expiresOn',
        'status',
      ]);
      const editFields = document.layouts.edit.flat().map(({ name }) => name);
      expect(editFields).not.toContain('storageKey');
      expect(editFields).not.toContain('uploadKey');
    });

    it('sorts the catalog by name', async () => {
      const make = await configuration('api::catalog.make');
      expect(make.settings).toMatchObject({ mainField: 'name', defaultSortBy: 'name' });
    });
  });
});
