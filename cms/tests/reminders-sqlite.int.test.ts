import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { nepalToday } from '../src/api/reminder/rules/calendar';
import { createReminderSource } from '../src/api/reminder/reminder-source';
import { bootStrapi, catalogIds, testEnv, type BootedStrapi } from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) =>
  new Date(Date.parse(`${nepalToday(new Date())}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);

// The embedded default: the delivery engine drains reminders in-process on SQLite.
describe('reminders on the embedded default (SQLite)', () => {
  let scratch: string;
  let app: BootedStrapi;
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'mg-reminders-'));
    app = await bootStrapi(
      testEnv({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(scratch, 'data.db') }),
    );
    await seedCatalog(app.strapi, FIXTURE);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('hands over date and km occurrences once, oldest first, and keeps claims apart', async () => {
    const email = `sqlite-${randomBytes(4).toString('hex')}@example.com`;
    const signedUp = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: 'Gosaikunda-Lake-4380' });
    expect(signedUp.status).toBe(200);
    const auth = { authorization: `Bearer ${signedUp.body.jwt as string}` };
    const post = (url: string, data: object) => http().post(url).set(auth).send({ data });
    const ids = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    const vehicle = await post('/api/vehicles', {
      makeId: ids.make,
      modelId: ids.model,
      year: 2019,
      registrationNumber: 'BA 3 PA 4321',
      odometerKm: 12_000,
    });
    expect(vehicle.status).toBe(201);
    const add = async (data: object) => {
      const response = await post('/api/reminders', { vehicleId: vehicle.body.data.id, ...data });
      expect(response.status).toBe(201);
      return response.body.data.id as string;
    };
    const older = await add({ kind: 'wash', dueDate: inDays(-10) });
    const byKm = await add({ kind: 'brakes', dueKm: 12_100 });
    await add({ kind: 'tyres', dueDate: inDays(60) });

    const source = createReminderSource(app.strapi);
    const now = new Date();
    const first = await source.due(now, 1);
    expect(first.map((notice) => notice.key)).toEqual([`reminder:${older}:1`]);
    const rest = await source.due(now, 10);
    expect(rest.map((notice) => notice.key)).toEqual([`reminder:${byKm}:1`]);
    expect(await source.due(now, 10)).toEqual([]);

    await source.handedOver(
      [...first, ...rest].map((notice) => notice.key),
      now,
    );
    await source.handedOver(
      [...first, ...rest].map((notice) => notice.key),
      now,
    );
    expect(await source.due(new Date(now.getTime() + 5 * 60_000), 10)).toEqual([]);
  });
  // The garage version hashes the owner's rows here (PostgreSQL hashes them in the database).
  it("gives the garage a version that moves with the owner's rows", async () => {
    const email = `sqlite-${randomBytes(4).toString('hex')}@example.com`;
    const signedUp = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: 'Gosaikunda-Lake-4380' });
    expect(signedUp.status).toBe(200);
    const auth = { authorization: `Bearer ${signedUp.body.jwt as string}` };
    const post = (url: string, data: object) => http().post(url).set(auth).send({ data });
    const version = async () => {
      const response = await http().get('/api/garage/version').set(auth);
      expect(response.status).toBe(200);
      return response.body.data.version as string;
    };
    const ids = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    const vehicle = await post('/api/vehicles', {
      makeId: ids.make,
      modelId: ids.model,
      year: 2019,
      registrationNumber: 'BA 3 PA 4399',
      odometerKm: 12_000,
    });
    expect(vehicle.status).toBe(201);
    const reminder = await post('/api/reminders', {
      vehicleId: vehicle.body.data.id,
      kind: 'wash',
      dueDate: inDays(10),
    });
    expect(reminder.status).toBe(201);
    const first = await version();
    expect(await version()).toBe(first);
    await app.strapi.db
      .connection('reminders')
      .where('document_id', reminder.body.data.id)
      .update({ title: 'Changed behind the API' });
    const second = await version();
    expect(second).not.toBe(first);
    const reading = await post(`/api/vehicles/${vehicle.body.data.id}/odometer`, {
      readingKm: 12_500,
    });
    expect(reading.status).toBe(201);
    expect(await version()).not.toBe(second);
  });
});
