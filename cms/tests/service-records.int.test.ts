import { randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import type { DomainEvents } from '../src/lib/domain-events';
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

describe('service records on PostgreSQL', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let plate = 0;
  const completions: Array<DomainEvents['service-record.completed']> = [];
  const deletions: Array<DomainEvents['service-record.deleted']> = [];
  const http = () => request(app.strapi.server.httpServer);

  const owners = ownerFixture(() => app.strapi, 'records');
  const signUp = () => owners.signUp();

  async function addVehicle(owner: Owner, odometerKm = 10000) {
    plate += 1;
    const vehicle = await owners.addVehicle(owner, {
      nickname: `Pulsar ${plate}`,
      fuel: 'petrol',
      odometerKm,
    });
    return vehicle.id;
  }

  const scheduled = (vehicleId: string, overrides: object = {}) => ({
    vehicleId,
    scheduledAt: '2026-12-20T10:30:00+05:45',
    kind: 'general-service',
    centerName: 'Sharma Auto Works, Kalimati',
    ...overrides,
  });

  const oilBill = {
    costPaisa: 235000,
    lineItems: [
      {
        label: 'Engine oil',
        category: 'parts',
        quantity: 1.5,
        unitPricePaisa: 90000,
        amountPaisa: 135000,
      },
      {
        label: 'Labour',
        category: 'labour',
        quantity: 1,
        unitPricePaisa: 100000,
        amountPaisa: 100000,
      },
    ],
  };

  async function addRecord(owner: Owner, data: object) {
    const response = await owner.post('/api/service-records', data);
    expect(response.status).toBe(201);
    return response.body.data as { id: string; status: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }));
    await seedCatalog(app.strapi, FIXTURE);
    // The booted CMS runs the compiled modules: subscribe through the same module it uses.
    const events = (await import(
      path.join(__dirname, '..', 'dist', 'src', 'lib', 'domain-events')
    )) as typeof import('../src/lib/domain-events');
    events.onDomainEvent(app.strapi, 'service-record.completed', (payload) => {
      // A listener that fails (reminders, one day) must undo the whole completion.
      if (payload.kind === 'brakes') throw new Error('listener failed');
      completions.push(payload);
    });
    events.onDomainEvent(app.strapi, 'service-record.deleted', (payload) => {
      deletions.push(payload);
    });
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('creating', () => {
    it('schedules a service and reads it back in the asked language', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const created = await addRecord(owner, scheduled(vehicleId, { kind: 'oil-change' }));
      const read = await owner.get(`/api/service-records/${created.id}?locale=ne`);
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({
        id: created.id,
        vehicleId,
        status: 'scheduled',
        date: '2026-12-20T04:45:00.000Z',
        scheduledAt: '2026-12-20T04:45:00.000Z',
        completedAt: null,
        kind: 'oil-change',
        kindName: 'इन्जिन आयल फेर्ने',
        currency: 'NPR',
        costPaisa: null,
        lineItems: [],
        centerName: 'Sharma Auto Works, Kalimati',
      });
      expect(read.body.data).not.toHaveProperty('ownerId');
    });

    it('answers the same Idempotency-Key and body with the first record, 201 then 200', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const key = { 'Idempotency-Key': `retry-${randomBytes(4).toString('hex')}` };
      const first = await owner.post('/api/service-records', scheduled(vehicleId), key);
      const again = await owner.post('/api/service-records', scheduled(vehicleId), key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body.data.id).toBe(first.body.data.id);
      const list = await owner.get(`/api/service-records?vehicle=${vehicleId}`);
      expect(list.body.data).toHaveLength(1);
    });

    it('refuses the same key with another body with 422 naming Idempotency-Key', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const key = { 'Idempotency-Key': 'same-key-other-body' };
      expect((await owner.post('/api/service-records', scheduled(vehicleId), key)).status).toBe(
        201,
      );
      const other = await owner.post(
        '/api/service-records',
        scheduled(vehicleId, { kind: 'tyres' }),
        key,
      );
      expect(other.status).toBe(422);
      expect(other.body.error.details.errors[0].path).toEqual(['Idempotency-Key']);
    });

    it('keeps keys per owner: another owner may use the same key', async () => {
      const [one, two] = [await signUp(), await signUp()];
      const key = { 'Idempotency-Key': 'shared-key' };
      const a = await one.post('/api/service-records', scheduled(await addVehicle(one)), key);
      const b = await two.post('/api/service-records', scheduled(await addVehicle(two)), key);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.data.id).not.toBe(b.body.data.id);
    });

    it('makes one record of two concurrent requests with the same key', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const key = { 'Idempotency-Key': 'concurrent-key' };
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          owner.post('/api/service-records', scheduled(vehicleId), key),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(responses.map((response) => response.body.data.id)).size).toBe(1);
      const list = await owner.get(`/api/service-records?vehicle=${vehicleId}`);
      expect(list.body.data).toHaveLength(1);
    });

    it.each([
      ['an empty key', ''],
      ['a key with a space', 'two words'],
      ['a key of 201 characters', 'k'.repeat(201)],
      ['a key outside ASCII', 'कुञ्जी'],
    ])('refuses %s with 400 naming Idempotency-Key', async (_case, value) => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      // A header carries octets: the Nepali key goes as its UTF-8 bytes.
      const header = Buffer.from(value, 'utf8').toString('latin1');
      const refused = await owner.post('/api/service-records', scheduled(vehicleId), {
        'Idempotency-Key': header,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors[0].path).toEqual(['Idempotency-Key']);
    });

    it('records a service already done with its bill, odometer reading and event', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner, 10000);
      const created = await addRecord(owner, {
        vehicleId,
        status: 'completed',
        completedAt: '2026-11-02T09:00:00+05:45',
        kind: 'oil-change',
        odometerKm: 11200,
        ...oilBill,
      });
      expect(created).toMatchObject({ status: 'completed', odometerKm: 11200, costPaisa: 235000 });
      const readings = await owner.get(`/api/vehicles/${vehicleId}/odometer`);
      expect(readings.body.data[0]).toMatchObject({ readingKm: 11200, readOn: '2026-11-02' });
      expect((await owner.get(`/api/vehicles/${vehicleId}`)).body.data.odometerKm).toBe(11200);
      expect(completions).toContainEqual({
        ownerId: owner.id,
        vehicleId,
        serviceRecordId: created.id,
        kind: 'oil-change',
        completedAt: '2026-11-02T03:15:00.000Z',
        odometerKm: 11200,
      });
    });

    it.each([
      ['a kind not in the catalogue', { kind: 'polishing' }, 'kind'],
      ['other without words', { kind: 'other' }, 'kindLabel'],
      ['no date', { scheduledAt: undefined }, 'scheduledAt'],
      ['a date without an offset', { scheduledAt: '2026-12-20 10:30' }, 'scheduledAt'],
      ['an odometer on a scheduled service', { odometerKm: 12000 }, 'odometerKm'],
      [
        'a line whose amount is not quantity × price',
        { lineItems: [{ ...oilBill.lineItems[0], amountPaisa: 1 }] },
        'lineItems.0.amountPaisa',
      ],
      ['lines that do not sum to the cost', { ...oilBill, costPaisa: 100 }, 'costPaisa'],
      ['a cost in rupees with paisa as a fraction', { costPaisa: 2350.5 }, 'costPaisa'],
      [
        'a line of an unknown category',
        { lineItems: [{ ...oilBill.lineItems[0], category: 'tax' }] },
        'lineItems.0.category',
      ],
      ['a field records do not have', { ownerId: 1 }, 'ownerId'],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const response = await owner.post('/api/service-records', scheduled(vehicleId, overrides));
      expect(response.status).toBe(400);
      expect(
        response.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')),
      ).toContain(field);
    });

    it('takes the total from the lines when only the lines are sent', async () => {
      const owner = await signUp();
      const created = await addRecord(
        owner,
        scheduled(await addVehicle(owner), { lineItems: oilBill.lineItems }),
      );
      expect(created).toMatchObject({ costPaisa: 235000 });
    });
  });

  describe('listing', () => {
    let owner: Owner;
    let bike: string;
    let car: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      owner = await signUp();
      bike = await addVehicle(owner);
      car = await addVehicle(owner);
      const plan = [
        ['a', bike, '2026-09-01T10:00:00+05:45'],
        ['b', bike, '2026-10-01T10:00:00+05:45'],
        ['c', car, '2026-10-15T10:00:00+05:45'],
        ['d', bike, '2026-11-01T10:00:00+05:45'],
        ['e', bike, '2026-11-01T10:00:00+05:45'],
        ['f', car, '2026-12-01T10:00:00+05:45'],
      ] as const;
      for (const [name, vehicleId, at] of plan) {
        ids[name] = (await addRecord(owner, scheduled(vehicleId, { scheduledAt: at }))).id;
      }
      await owner.post(`/api/service-records/${ids.b}/cancel`);
      await owner.post(`/api/service-records/${ids.c}/complete`, {
        completedAt: '2026-10-16T10:00:00+05:45',
      });
    });

    const names = (body: { data: Array<{ id: string }> }) =>
      body.data.map((record) => Object.entries(ids).find(([, id]) => id === record.id)?.[0]);

    it('lists newest date first across keyset pages with no record twice', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/service-records?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await owner.get(url);
        expect(page.status).toBe(200);
        seen.push(...(names(page.body) as string[]));
        cursor = page.body.meta.pagination.nextCursor;
      } while (cursor);
      // d and e share a date: the later-made one (higher id) first.
      expect(seen).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
    });

    it('filters by vehicle, by status and by a date range of days, both ends included', async () => {
      expect(names((await owner.get(`/api/service-records?vehicle=${car}`)).body)).toEqual([
        'f',
        'c',
      ]);
      expect(names((await owner.get('/api/service-records?status=cancelled')).body)).toEqual(['b']);
      expect(names((await owner.get('/api/service-records?status=completed')).body)).toEqual(['c']);
      expect(
        names(
          (await owner.get(`/api/service-records?vehicle=${bike}&from=2026-10-01&to=2026-11-01`))
            .body,
        ),
      ).toEqual(['e', 'd', 'b']);
    });

    it.each([
      ['status=done', 'status'],
      ['from=yesterday', 'from'],
      ['from=2026-11-01&to=2026-10-01', 'to'],
      ['limit=0', 'limit'],
      ['cursor=forged.cursor', 'cursor'],
      ['colour=red', 'colour'],
    ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
      const response = await owner.get(`/api/service-records?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
    });
  });

  describe('state changes', () => {
    it('completes with an odometer: the reading is recorded and a lower one is refused', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner, 20000);
      const first = await addRecord(owner, scheduled(vehicleId));
      const done = await owner.post(`/api/service-records/${first.id}/complete`, {
        completedAt: '2026-11-20T11:00:00+05:45',
        odometerKm: 21500,
        ...oilBill,
      });
      expect(done.status).toBe(200);
      expect(done.body.data).toMatchObject({
        status: 'completed',
        odometerKm: 21500,
        costPaisa: 235000,
      });
      expect((await owner.get(`/api/vehicles/${vehicleId}`)).body.data.odometerKm).toBe(21500);

      const second = await addRecord(owner, scheduled(vehicleId));
      const lower = await owner.post(`/api/service-records/${second.id}/complete`, {
        completedAt: '2026-11-25T11:00:00+05:45',
        odometerKm: 21000,
      });
      expect(lower.status).toBe(400);
      expect(lower.body.error.details.errors[0].path).toEqual(['odometerKm']);
      // Nothing of the refused completion stays: the record is still scheduled.
      expect((await owner.get(`/api/service-records/${second.id}`)).body.data.status).toBe(
        'scheduled',
      );
      const corrected = await owner.post(`/api/service-records/${second.id}/complete`, {
        completedAt: '2026-11-25T11:00:00+05:45',
        odometerKm: 21000,
        odometerCorrection: true,
      });
      expect(corrected.status).toBe(200);
      const readings = await owner.get(`/api/vehicles/${vehicleId}/odometer`);
      expect(readings.body.data[0]).toMatchObject({ readingKm: 21000, correction: true });
    });

    it('undoes the completion and its reading when a listener of the event fails', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner, 30000);
      const record = await addRecord(owner, scheduled(vehicleId, { kind: 'brakes' }));
      const failed = await owner.post(`/api/service-records/${record.id}/complete`, {
        completedAt: '2026-11-20T11:00:00+05:45',
        odometerKm: 31000,
      });
      expect(failed.status).toBe(500);
      expect((await owner.get(`/api/service-records/${record.id}`)).body.data.status).toBe(
        'scheduled',
      );
      const readings = await owner.get(`/api/vehicles/${vehicleId}/odometer`);
      expect(readings.body.data.map((reading: { readingKm: number }) => reading.readingKm)).toEqual(
        [30000],
      );
    });

    it('answers 409 naming status when completing or cancelling twice', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const done = await addRecord(owner, scheduled(vehicleId));
      const cancelled = await addRecord(owner, scheduled(vehicleId));
      const when = { completedAt: '2026-11-20T11:00:00+05:45' };
      expect((await owner.post(`/api/service-records/${done.id}/complete`, when)).status).toBe(200);
      expect((await owner.post(`/api/service-records/${cancelled.id}/cancel`)).status).toBe(200);
      for (const [id, action] of [
        [done.id, 'complete'],
        [done.id, 'cancel'],
        [cancelled.id, 'complete'],
        [cancelled.id, 'cancel'],
      ] as const) {
        const response = await owner.post(
          `/api/service-records/${id}/${action}`,
          action === 'complete' ? when : undefined,
        );
        expect(response.status).toBe(409);
        expect(response.body.error.details.errors[0].path).toEqual(['status']);
      }
    });

    it('edits a completed service only in notes and bill; a cancelled one not at all', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const done = await addRecord(owner, scheduled(vehicleId));
      await owner.post(`/api/service-records/${done.id}/complete`, {
        completedAt: '2026-11-20T11:00:00+05:45',
      });
      const receipt = await owner.put(`/api/service-records/${done.id}`, {
        notes: 'Receipt found',
        ...oilBill,
      });
      expect(receipt.status).toBe(200);
      expect(receipt.body.data).toMatchObject({ notes: 'Receipt found', costPaisa: 235000 });
      // New lines without a total: the total is their sum, not the old one.
      const fewer = await owner.put(`/api/service-records/${done.id}`, {
        lineItems: [oilBill.lineItems[0]],
      });
      expect(fewer.status).toBe(200);
      expect(fewer.body.data).toMatchObject({
        costPaisa: 135000,
        lineItems: [oilBill.lineItems[0]],
      });
      const wrongTotal = await owner.put(`/api/service-records/${done.id}`, { costPaisa: 1 });
      expect(wrongTotal.status).toBe(400);
      expect(wrongTotal.body.error.details.errors[0].path).toEqual(['costPaisa']);
      const moved = await owner.put(`/api/service-records/${done.id}`, {
        scheduledAt: '2026-12-01T10:00:00+05:45',
      });
      expect(moved.status).toBe(409);
      expect(moved.body.error.details.errors[0].path).toEqual(['scheduledAt']);

      const cancelled = await addRecord(owner, scheduled(vehicleId));
      await owner.post(`/api/service-records/${cancelled.id}/cancel`);
      const note = await owner.put(`/api/service-records/${cancelled.id}`, { notes: 'x' });
      expect(note.status).toBe(409);
      expect(note.body.error.details.errors[0].path).toEqual(['notes']);
    });

    it('reschedules a scheduled service and checks the kind as it will be', async () => {
      const owner = await signUp();
      const record = await addRecord(owner, scheduled(await addVehicle(owner)));
      const moved = await owner.put(`/api/service-records/${record.id}`, {
        scheduledAt: '2027-01-05T09:00:00+05:45',
      });
      expect(moved.body.data).toMatchObject({ date: '2027-01-05T03:15:00.000Z' });
      const other = await owner.put(`/api/service-records/${record.id}`, { kind: 'other' });
      expect(other.status).toBe(400);
      expect(other.body.error.details.errors[0].path).toEqual(['kindLabel']);
    });

    it('deletes a record', async () => {
      const owner = await signUp();
      const record = await addRecord(owner, scheduled(await addVehicle(owner)));
      expect((await owner.del(`/api/service-records/${record.id}`)).status).toBe(204);
      expect((await owner.get(`/api/service-records/${record.id}`)).status).toBe(404);
      expect(deletions).toContainEqual(expect.objectContaining({ serviceRecordId: record.id }));
    });
  });

  describe('spending', () => {
    it('sums a vehicle by month and kind, in all, and per km driven', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner, 5000);
      const now = new Date();
      const monthsAgo = (months: number) => {
        const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 10, 6));
        return date.toISOString();
      };
      const done = (completedAt: string, kind: string, costPaisa: number, odometerKm?: number) =>
        addRecord(owner, {
          vehicleId,
          status: 'completed',
          completedAt,
          kind,
          costPaisa,
          odometerKm,
        });
      await done(monthsAgo(2), 'oil-change', 150000, 6000);
      await done(monthsAgo(1), 'tyres', 900000, 7000);
      await done(monthsAgo(0), 'oil-change', 150000, 8000);
      await done(monthsAgo(14), 'wash', 50000);
      // A scheduled service costs nothing yet.
      await addRecord(owner, scheduled(vehicleId, { costPaisa: 999900 }));

      const response = await owner.get(`/api/vehicles/${vehicleId}/spending?locale=en`);
      expect(response.status).toBe(200);
      const spending = response.body.data;
      expect(spending.totalPaisa).toBe(1250000);
      expect(spending.byMonth).toHaveLength(12);
      const month = (months: number) => monthsAgo(months).slice(0, 7);
      const byMonth = Object.fromEntries(
        spending.byMonth.map((entry: { month: string; totalPaisa: number }) => [
          entry.month,
          entry.totalPaisa,
        ]),
      );
      expect(byMonth[month(0)]).toBe(150000);
      expect(byMonth[month(1)]).toBe(900000);
      expect(byMonth[month(2)]).toBe(150000);
      expect(spending.byKind).toEqual([
        { kind: 'tyres', name: 'Tyres', totalPaisa: 900000, count: 1 },
        { kind: 'oil-change', name: 'Oil change', totalPaisa: 300000, count: 2 },
        { kind: 'wash', name: 'Wash', totalPaisa: 50000, count: 1 },
      ]);
      // 12,500 NPR over 2,000 km: 6.25 NPR a km.
      expect(spending).toMatchObject({ kmDriven: 2000, costPerKmPaisa: 625, currency: 'NPR' });
    });

    it('has no cost per km for a vehicle without two odometers', async () => {
      const owner = await signUp();
      const vehicleId = await addVehicle(owner);
      const response = await owner.get(`/api/vehicles/${vehicleId}/spending`);
      expect(response.body.data).toMatchObject({ totalPaisa: 0, costPerKmPaisa: null });
    });
  });

  describe('another owner', () => {
    it("answers 404 on every route for someone else's record or vehicle", async () => {
      const owner = await signUp();
      const stranger = await signUp();
      const vehicleId = await addVehicle(owner);
      const record = await addRecord(owner, scheduled(vehicleId));
      const responses = [
        await stranger.get(`/api/service-records/${record.id}`),
        await stranger.put(`/api/service-records/${record.id}`, { notes: 'mine now' }),
        await stranger.del(`/api/service-records/${record.id}`),
        await stranger.post(`/api/service-records/${record.id}/complete`, {
          completedAt: '2026-11-20T11:00:00+05:45',
        }),
        await stranger.post(`/api/service-records/${record.id}/cancel`),
        await stranger.get(`/api/service-records?vehicle=${vehicleId}`),
        await stranger.post('/api/service-records', scheduled(vehicleId)),
        await stranger.get(`/api/vehicles/${vehicleId}/spending`),
      ];
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(404));
      expect((await owner.get(`/api/service-records/${record.id}`)).body.data).toMatchObject({
        status: 'scheduled',
        notes: null,
      });
      expect((await stranger.get('/api/service-records')).body.data).toEqual([]);
    });

    it('refuses the routes to a visitor who is not signed in (403, as every owner route)', async () => {
      expect((await http().get('/api/service-records')).status).toBe(403);
      expect((await http().post('/api/service-records').send({ data: {} })).status).toBe(403);
    });
  });

  describe('a deleted vehicle', () => {
    it("takes its records with it and leaves the owner's other vehicles' records", async () => {
      const owner = await signUp();
      const gone = await addVehicle(owner);
      const kept = await addVehicle(owner);
      const goneRecord = await addRecord(owner, scheduled(gone));
      const keptRecord = await addRecord(owner, scheduled(kept));
      expect((await owner.del(`/api/vehicles/${gone}`)).status).toBe(204);
      expect((await owner.get(`/api/service-records/${goneRecord.id}`)).status).toBe(404);
      expect((await owner.get(`/api/service-records/${keptRecord.id}`)).status).toBe(200);
      // The vault hears of it, to take the record's receipts along.
      expect(deletions).toContainEqual({
        ownerId: owner.id,
        vehicleId: gone,
        serviceRecordId: goneRecord.id,
      });
      const rows = await app.strapi.db
        .query('api::service-record.service-record')
        .count({ where: { vehicleId: gone } });
      expect(rows).toBe(0);
    });
  });

  describe('the audit log', () => {
    it("records an owner's record writes with the owner as actor, as vehicle writes", async () => {
      const owner = await signUp();
      const record = await addRecord(owner, scheduled(await addVehicle(owner)));
      await owner.put(`/api/service-records/${record.id}`, { notes: 'Bring the old filter' });
      await owner.del(`/api/service-records/${record.id}`);
      const log = app.strapi.plugin('audit-log').service('log');
      // The writer queues entries and drains them off the request path: wait for it.
      await log.flush();
      const history = await log.list({ contentType: 'api::service-record.service-record' }, 1, 100);
      const rows = (history.results as Array<Record<string, unknown>>).filter(
        (row) => row.targetDocumentId === record.id,
      );
      expect(rows.map((row) => row.action)).toEqual([
        'entry.delete',
        'entry.update',
        'entry.create',
      ]);
      expect(rows[1]).toMatchObject({ actorKind: 'owner', actorId: String(owner.id) });
      expect(rows[1].diff).toEqual({ notes: { before: null, after: 'Bring the old filter' } });
    });
  });
});
