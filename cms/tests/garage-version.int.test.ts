import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { nepalToday } from '../src/api/reminder/rules/calendar';
import {
  bootStrapi,
  catalogIds,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { ownerFixture, type Owner } from './support/owners';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const RECALL = 'api::news.recall';
const DAY_MS = 86_400_000;
const inDays = (days: number) =>
  new Date(Date.parse(`${nepalToday(new Date())}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);

type Documents = {
  create(params: object): Promise<{ documentId: string }>;
  update(params: object): Promise<unknown>;
  publish(params: object): Promise<unknown>;
};

/**
 * GET /api/garage/version: a client keeps its rendered garage while this is unchanged, so it
 * must move with every answer the garage is made of, and only then.
 */
describe('the garage version on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let pulsar: { make: string; model: string };
  const http = () => request(app.strapi.server.httpServer);
  const owners = ownerFixture(() => app.strapi, 'version');
  const documents = (uid: string) => app.strapi.documents(uid as never) as unknown as Documents;

  async function versionOf(owner: Owner, query = '') {
    const response = await owner.get(`/api/garage/version${query}`);
    expect([response.status, response.body.error]).toEqual([200, undefined]);
    expect(Object.keys(response.body.data)).toEqual(['version']);
    return response.body.data.version as string;
  }

  /** Runs `write` and answers whether the owner's version moved (it is read before and after). */
  async function moves(owner: Owner, write: () => Promise<unknown>, query = '') {
    const before = await versionOf(owner, query);
    expect(await versionOf(owner, query)).toBe(before);
    await write();
    return (await versionOf(owner, query)) !== before;
  }

  const ok = async (call: Promise<request.Response>, status = 200) => {
    const response = await call;
    expect([response.status, response.body?.error]).toEqual([status, undefined]);
    return response.body?.data as { id: string };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }));
    await seedCatalog(app.strapi, FIXTURE);
    pulsar = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('is the same while nothing changes, and differs per language and per page', async () => {
    const owner = await owners.signUp();
    await owners.addVehicle(owner);
    await owners.addVehicle(owner);
    const first = await versionOf(owner);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await versionOf(owner)).toBe(first);
    expect(await versionOf(owner, '?locale=en')).toBe(first);
    expect(await versionOf(owner, '?locale=ne')).not.toBe(first);
    const onePerPage = await owner.get('/api/vehicles?limit=1');
    const cursor = onePerPage.body.meta.pagination.nextCursor as string;
    expect(await versionOf(owner, '?limit=1')).not.toBe(first);
    expect(await versionOf(owner, `?limit=1&cursor=${cursor}`)).not.toBe(
      await versionOf(owner, '?limit=1'),
    );
  });

  it("moves with each of the owner's own writes that the garage shows", async () => {
    const owner = await owners.signUp();
    const vehicle = await owners.addVehicle(owner, { odometerKm: 12_000 });
    expect(await moves(owner, () => owners.addVehicle(owner))).toBe(true);
    expect(
      await moves(owner, () =>
        ok(owner.put(`/api/vehicles/${vehicle.id}`, { nickname: 'Kalo Pulsar' })),
      ),
    ).toBe(true);
    expect(
      await moves(owner, () =>
        ok(owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 12_400 }), 201),
      ),
    ).toBe(true);
    let reminder: { id: string } | undefined;
    expect(
      await moves(owner, async () => {
        reminder = await ok(
          owner.post('/api/reminders', {
            vehicleId: vehicle.id,
            kind: 'general-service',
            dueDate: inDays(20),
          }),
          201,
        );
      }),
    ).toBe(true);
    expect(
      await moves(owner, () =>
        ok(owner.post(`/api/reminders/${reminder!.id}/snooze`, { until: inDays(3) })),
      ),
    ).toBe(true);
  });

  it("moves with a write that leaves updated_at alone, and not with another owner's writes", async () => {
    const owner = await owners.signUp();
    const other = await owners.signUp();
    const vehicle = await owners.addVehicle(owner);
    const reminder = await ok(
      owner.post('/api/reminders', {
        vehicleId: vehicle.id,
        kind: 'general-service',
        dueDate: inDays(30),
      }),
      201,
    );
    const otherVehicle = await owners.addVehicle(other);
    expect(
      await moves(owner, async () => {
        await ok(other.put(`/api/vehicles/${otherVehicle.id}`, { nickname: 'Arkai' }));
        await ok(
          other.post('/api/reminders', {
            vehicleId: otherVehicle.id,
            kind: 'general-service',
            dueDate: inDays(5),
          }),
          201,
        );
      }),
    ).toBe(false);
    // A raw write (a worker, a migration) of one column: the whole row is in the version.
    expect(
      await moves(owner, () =>
        app.strapi.db
          .connection('reminders')
          .where('document_id', reminder.id)
          .update({ title: 'Changed behind the API' }),
      ),
    ).toBe(true);
    const readings = app.strapi.db.metadata.get('api::vehicle.odometer-reading') as unknown as {
      tableName: string;
    };
    // The newest reading is now this owner's.
    await ok(owner.post(`/api/vehicles/${vehicle.id}/odometer`, { readingKm: 13_000 }), 201);
    expect(
      await moves(owner, async () => {
        const [row] = await app.strapi.db
          .connection(readings.tableName)
          .orderBy('id', 'desc')
          .limit(1)
          .select('id');
        expect(row).toBeDefined();
        await app.strapi.db
          .connection(readings.tableName)
          .where('id', row.id)
          .update({ reading_km: 99_999 });
      }),
    ).toBe(true);
  });

  it('moves when a recall of the owner is published and when its status changes', async () => {
    const owner = await owners.signUp();
    const vehicle = await owners.addVehicle(owner);
    let recallId = '';
    expect(
      await moves(owner, async () => {
        const created = await documents(RECALL).create({
          locale: 'en',
          data: {
            campaignId: `VERSION-${Date.now()}`,
            make: pulsar.make,
            model: pulsar.model,
            yearFrom: 2015,
            yearTo: 2025,
            severity: 'high',
            title: 'Brake hose',
            summary: 'May crack',
            remedy: 'Replaced free',
          },
        });
        recallId = created.documentId;
        await documents(RECALL).publish({ documentId: recallId, locale: 'en' });
      }),
    ).toBe(true);
    const mine = await owner.get('/api/recalls/mine');
    expect(mine.body.data.map((item: { recall: { id: string } }) => item.recall.id)).toContain(
      recallId,
    );
    expect(
      await moves(owner, () =>
        ok(owner.put(`/api/recalls/${recallId}/vehicles/${vehicle.id}`, { status: 'fixed' })),
      ),
    ).toBe(true);
  });

  it('moves when a catalog name it shows changes', async () => {
    const owner = await owners.signUp();
    await owners.addVehicle(owner);
    expect(
      await moves(owner, () =>
        documents('api::catalog.model').update({
          documentId: pulsar.model,
          locale: 'en',
          data: { name: 'Pulsar 150 Neon' },
        }),
      ),
    ).toBe(true);
  });

  it('moves with the day in Nepal', async () => {
    const owner = await owners.signUp();
    await owners.addVehicle(owner);
    const service = app.strapi.service('api::garage.garage-version') as {
      version(owner: number, page: object, locale: string, now?: Date): Promise<string>;
    };
    const page = { limit: 12 };
    const noon = new Date('2026-12-03T06:15:00Z'); // 12:00 in Nepal
    const sameDay = new Date('2026-12-03T18:10:00Z'); // 23:55 in Nepal
    const nextDay = new Date('2026-12-03T18:20:00Z'); // 00:05 the next day in Nepal
    const at = (now: Date) => service.version(owner.id, page, 'en', now);
    expect(await at(sameDay)).toBe(await at(noon));
    expect(await at(nextDay)).not.toBe(await at(noon));
  });

  it('refuses what the vehicle list refuses, naming the parameter, and strangers', async () => {
    const owner = await owners.signUp();
    const refused = async (query: string, field: string) => {
      const response = await owner.get(`/api/garage/version${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
    };
    await refused('?cursor=not-a-cursor', 'cursor');
    await refused('?limit=0', 'limit');
    await refused('?locale=fr', 'locale');
    await refused('?limt=5', 'limt');
    expect((await http().get('/api/garage/version')).status).toBe(403);
    expect(
      (await http().get('/api/garage/version').set('authorization', 'Bearer nope')).status,
    ).toBe(401);
  });
});
