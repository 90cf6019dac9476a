import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { addMonths, nepalToday } from '../src/api/reminder/rules/calendar';
import { createReminderSource, type NoticeSource } from '../src/api/reminder/reminder-source';
import { smsSize } from '@motorghar/reminders';
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

// The booted CMS runs the compiled code: its listeners sit in the registry of dist's module,
// which the source's module (a copy Jest compiles) does not share.
const { publishDomainEvent } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../dist/src/lib/domain-events') as typeof import('../src/lib/domain-events');

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const DAY_MS = 24 * 60 * 60 * 1000;

interface Reminder {
  id: string;
  vehicleId: string | null;
  kind: string;
  name: string;
  dueDate: string | null;
  dueKm: number | null;
  mode: string;
  status: string;
  snoozedUntil: string | null;
  occurrence: number;
  lastCompletedAt: string | null;
  lastCompletedKm: number | null;
  source: string;
  notify: { daysBefore: number; kmBefore: number };
  tier: string;
  daysLeft: number | null;
  kmLeft: number | null;
  projection: { kmPerDay: number; days: number; date: string } | null;
  nextDue: { date: string | null; km: number | null };
}

const today = () => nepalToday(new Date());
/** The day `days` from today in Nepal, as YYYY-MM-DD. */
const inDays = (days: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describe('reminders on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let source: NoticeSource;
  let catalog: { bajaj: string; pulsar: string; chetak: string; hyundai: string; creta: string };
  /**
   * The engine's clock: each call a minute and a bit later than the last, so an occurrence one
   * call claimed and did not hand over is free again for the next (the claim lasts 60 s).
   */
  let clockMs = Date.now();
  const tick = (extraMs = 0) => new Date((clockMs += 61_000) + extraMs);

  const owners = ownerFixture(() => app.strapi, 'reminders');
  const signUp = (profile: { preferredLocale?: string } = {}) => owners.signUp(profile);

  /** A Bajaj Pulsar 150 at 12,000 km, "Rato Pulsar" unless `overrides` say otherwise. */
  const addVehicle = (owner: Owner, overrides: object = {}) =>
    owners.addVehicle(owner, { nickname: 'Rato Pulsar', odometerKm: 12_000, ...overrides });

  async function addReminder(owner: Owner, data: object) {
    const response = await owner.post('/api/reminders', data);
    expect([response.status, response.body.error]).toEqual([201, undefined]);
    return response.body.data as Reminder;
  }

  async function list(owner: Owner, query = '') {
    const response = await owner.get(`/api/reminders${query}`);
    expect(response.status).toBe(200);
    return response.body.data as Reminder[];
  }

  /** The notices `due()` hands the engine for one owner (others' stay claimed a minute). */
  async function noticesOf(owner: Owner, now = tick()) {
    return (await source.due(now, 1000)).filter((notice) => notice.ownerId === owner.id);
  }

  const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
    (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        PROXY_HOPS: '1',
        PORTAL_URL: 'https://portal.motorghar.test',
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    const bajaj = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    const chetak = await catalogIds(app.strapi, 'bajaj', 'chetak');
    const hyundai = await catalogIds(app.strapi, 'hyundai', 'creta');
    catalog = {
      bajaj: bajaj.make,
      pulsar: bajaj.model,
      chetak: chetak.model,
      hyundai: hyundai.make,
      creta: hyundai.model,
    };
    source = createReminderSource(app.strapi);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('urgency', () => {
    it('is due by date: upcoming, due soon, due and overdue by the configured days', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const at = (days: number) =>
        addReminder(owner, {
          vehicleId: vehicle.id,
          kind: 'general-service',
          dueDate: inDays(days),
        });
      const upcoming = await at(45);
      const soon = await at(20);
      const due = await at(3);
      const overdue = await at(-2);
      expect(
        [upcoming, soon, due, overdue].map((item) => [item.mode, item.tier, item.daysLeft]),
      ).toEqual([
        ['date', 'upcoming', 45],
        ['date', 'due-soon', 20],
        ['date', 'due', 3],
        ['date', 'overdue', -2],
      ]);
      // Most urgent first; a tier filter picks one.
      expect((await list(owner)).map((item) => item.id)).toEqual([
        overdue.id,
        due.id,
        soon.id,
        upcoming.id,
      ]);
      expect((await list(owner, '?tier=due-soon')).map((item) => item.id)).toEqual([soon.id]);
      expect((await list(owner, `?vehicle=${vehicle.id}&limit=2`)).map((item) => item.id)).toEqual([
        overdue.id,
        due.id,
      ]);
    });

    it('is due by km, with "about N days" projected from the recent daily distance', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner, { odometerKm: null });
      // 30 km a day over the last 60 days.
      for (const [days, km] of [
        [-60, 10_000],
        [-30, 10_900],
        [0, 11_800],
      ]) {
        const reading = await owner.post(`/api/vehicles/${vehicle.id}/odometer`, {
          readingKm: km,
          readOn: inDays(days),
        });
        expect(reading.status).toBe(201);
      }
      const oil = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'oil-change',
        dueKm: 12_100,
      });
      expect(oil).toMatchObject({
        mode: 'km',
        tier: 'due-soon',
        kmLeft: 300,
        projection: { kmPerDay: 30, days: 10, date: inDays(10) },
        nextDue: { date: inDays(10), km: 12_100 },
      });
      const brakes = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'brakes',
        dueKm: 11_850,
      });
      expect([brakes.tier, brakes.kmLeft]).toEqual(['due', 50]);
      const chain = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'chain-sprocket',
        dueKm: 11_700,
      });
      expect([chain.tier, chain.projection?.days]).toEqual(['overdue', 0]);
    });

    it('is due by whichever comes first of a date and a km', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const kmFirst = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'oil-change',
        dueDate: inDays(200),
        dueKm: 12_080,
      });
      expect([kmFirst.mode, kmFirst.tier, kmFirst.daysLeft, kmFirst.kmLeft]).toEqual([
        'whichever-first',
        'due',
        200,
        80,
      ]);
      const dateFirst = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'air-filter',
        dueDate: inDays(-1),
        dueKm: 20_000,
      });
      expect(dateFirst.tier).toBe('overdue');
    });
  });

  describe('completion and recurrence', () => {
    it('schedules the next occurrence from the completion through /complete', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const oil = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'oil-change',
        dueDate: inDays(5),
        dueKm: 12_500,
        everyMonths: 4,
        everyKm: 3000,
      });
      const done = await owner.post(`/api/reminders/${oil.id}/complete`, {
        date: inDays(-1),
        odometerKm: 12_300,
      });
      expect(done.status).toBe(200);
      expect(done.body.data).toMatchObject({
        id: oil.id,
        status: 'active',
        occurrence: 2,
        dueDate: addMonths(inDays(-1), 4),
        dueKm: 15_300,
        lastCompletedAt: inDays(-1),
        lastCompletedKm: 12_300,
      });
      // Bare, it completes today at the vehicle's last reading (12,000 km).
      const again = await owner.post(`/api/reminders/${oil.id}/complete`);
      expect(again.status).toBe(200);
      expect(again.body.data).toMatchObject({
        occurrence: 3,
        dueDate: addMonths(today(), 4),
        dueKm: 15_000,
      });
    });

    it('completes matching reminders when a service record completes, from the due point when fixed', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const other = await addVehicle(owner);
      const fromService = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'general-service',
        dueDate: inDays(10),
        everyMonths: 6,
        everyKm: 5000,
        dueKm: 13_000,
      });
      const fixed = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'general-service',
        dueDate: inDays(10),
        everyMonths: 12,
        schedule: 'fixed',
      });
      const dismissed = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'general-service',
        dueDate: inDays(10),
      });
      expect((await owner.post(`/api/reminders/${dismissed.id}/dismiss`)).status).toBe(200);
      const otherKind = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'brakes',
        dueDate: inDays(10),
      });
      const otherVehicle = await addReminder(owner, {
        vehicleId: other.id,
        kind: 'general-service',
        dueDate: inDays(10),
      });

      await publishDomainEvent(app.strapi, 'service-record.completed', {
        ownerId: owner.id,
        vehicleId: vehicle.id,
        serviceRecordId: 'service-1',
        kind: 'general-service',
        completedAt: `${today()}T04:00:00.000Z`,
        odometerKm: 12_400,
      });

      const read = async (id: string) =>
        (await owner.get(`/api/reminders/${id}`)).body.data as Reminder;
      expect(await read(fromService.id)).toMatchObject({
        occurrence: 2,
        status: 'active',
        dueDate: addMonths(today(), 6),
        dueKm: 17_400,
        lastCompletedKm: 12_400,
      });
      expect(await read(fixed.id)).toMatchObject({
        occurrence: 2,
        dueDate: addMonths(inDays(10), 12),
        dueKm: null,
      });
      expect(await read(dismissed.id)).toMatchObject({ status: 'dismissed', occurrence: 1 });
      expect(await read(otherKind.id)).toMatchObject({ status: 'active', occurrence: 1 });
      expect(await read(otherVehicle.id)).toMatchObject({ status: 'active', occurrence: 1 });
    });

    it('completes a one-off for good, and refuses to complete, snooze or dismiss it again (409)', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const once = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'battery',
        dueDate: inDays(3),
      });
      const done = await owner.post(`/api/reminders/${once.id}/complete`, { date: today() });
      expect(done.body.data).toMatchObject({ status: 'completed', occurrence: 1 });
      for (const [action, data] of [
        ['complete', undefined],
        ['dismiss', undefined],
        ['snooze', { until: inDays(3) }],
      ] as const) {
        const refused = await owner.post(`/api/reminders/${once.id}/${action}`, data);
        expect([action, refused.status, refused.body.error?.name]).toEqual([
          action,
          409,
          'ConflictError',
        ]);
      }
      const edit = await owner.put(`/api/reminders/${once.id}`, { dueDate: inDays(9) });
      expect(edit.status).toBe(409);
      expect((await list(owner, '?status=completed')).map((item) => item.id)).toEqual([once.id]);
    });
    it('advances a recurring reminder once when two completions read it at the same moment', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const oil = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'oil-change',
        dueKm: 12_500,
        everyKm: 3000,
      });
      // Two requests that both read occurrence 1 before either wrote: replayed with one stale row.
      const lifecycle = app.strapi.service('api::reminder.reminder-lifecycle') as {
        complete(row: unknown, completion: { date: string; odometerKm: number }): Promise<unknown>;
      };
      const stale = await app.strapi.db
        .query('api::reminder.reminder')
        .findOne({ where: { documentId: oil.id } });
      const completion = { date: today(), odometerKm: 12_400 };
      await lifecycle.complete(stale, completion);
      await expect(lifecycle.complete(stale, completion)).rejects.toMatchObject({
        name: 'ConflictError',
        status: 409,
      });
      expect((await owner.get(`/api/reminders/${oil.id}`)).body.data).toMatchObject({
        occurrence: 2,
        dueKm: 15_400,
      });
    });
  });

  describe('snooze and dismiss', () => {
    it('hides a snoozed reminder from the list and from due() until its day', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const tyres = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'tyres',
        dueDate: inDays(2),
      });
      const snoozed = await owner.post(`/api/reminders/${tyres.id}/snooze`, { until: inDays(3) });
      expect(snoozed.status).toBe(200);
      expect(snoozed.body.data).toMatchObject({ status: 'snoozed', snoozedUntil: inDays(3) });

      expect((await list(owner)).map((item) => item.id)).not.toContain(tyres.id);
      expect((await list(owner, '?status=snoozed')).map((item) => item.id)).toEqual([tyres.id]);
      expect(await noticesOf(owner)).toEqual([]);

      // Three days on, in the engine's clock, it is due again.
      const later = await noticesOf(owner, tick(3 * DAY_MS));
      expect(later.map((notice) => notice.key)).toEqual([`reminder:${tyres.id}:1`]);
    });

    it('refuses a snooze that is not after today, naming until', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const item = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'wash',
        dueDate: inDays(2),
      });
      for (const until of [today(), inDays(-3), '2026-13-01', 'soon']) {
        const refused = await owner.post(`/api/reminders/${item.id}/snooze`, { until });
        expect([until, refused.status, errorPaths(refused.body)]).toEqual([until, 400, ['until']]);
      }
    });

    it('dismisses a reminder: gone from the list and from due(), listed under dismissed', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const item = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'coolant',
        dueDate: inDays(1),
      });
      const dismissed = await owner.post(`/api/reminders/${item.id}/dismiss`);
      expect(dismissed.body.data.status).toBe('dismissed');
      expect(await list(owner)).toEqual([]);
      expect((await list(owner, '?status=dismissed')).map((entry) => entry.id)).toEqual([item.id]);
      expect(await noticesOf(owner)).toEqual([]);
    });
  });

  describe('templates per vehicle type', () => {
    it('offers a motorcycle oil every 3,000 km or 4 months, a car (SUV) every 10,000 km or 12, an EV scooter none', async () => {
      const owner = await signUp();
      const pulsar = await addVehicle(owner);
      const creta = await addVehicle(owner, {
        makeId: catalog.hyundai,
        modelId: catalog.creta,
        year: 2022,
      });
      const chetak = await addVehicle(owner, {
        modelId: catalog.chetak,
        year: 2022,
        fuel: 'electric',
      });
      const templates = async (vehicleId: string, locale = 'en') => {
        const response = await owner.get(
          `/api/reminder-templates?vehicle=${vehicleId}&locale=${locale}`,
        );
        expect(response.status).toBe(200);
        return response.body.data as Array<{
          code: string;
          name: string;
          everyKm: number;
          everyMonths: number;
          firstDue: { km: number | null; date: string | null };
        }>;
      };
      const oil = (list: Awaited<ReturnType<typeof templates>>) =>
        list.find((item) => item.code === 'oil-change');
      expect(oil(await templates(pulsar.id))).toMatchObject({
        everyKm: 3000,
        everyMonths: 4,
        name: 'Engine oil change',
        firstDue: { km: 15_000, date: addMonths(today(), 4) },
      });
      expect(oil(await templates(pulsar.id, 'ne'))?.name).toBe('इन्जिन आयल फेर्ने');
      expect(oil(await templates(creta.id))).toMatchObject({ everyKm: 10_000, everyMonths: 12 });
      expect((await templates(creta.id)).map((item) => item.code)).not.toContain('chain-sprocket');
      expect((await templates(chetak.id)).map((item) => item.code)).not.toEqual(
        expect.arrayContaining(['oil-change']),
      );

      const created = await owner.post(`/api/vehicles/${pulsar.id}/reminders/from-templates`, {
        templates: ['oil-change', 'chain-sprocket'],
      });
      expect(created.status).toBe(201);
      expect(
        created.body.data.map((item: Reminder) => [item.kind, item.dueKm, item.source]),
      ).toEqual([
        ['oil-change', 15_000, 'template'],
        ['chain-sprocket', 13_000, 'template'],
      ]);
      const twice = await owner.post(`/api/vehicles/${pulsar.id}/reminders/from-templates`, {
        templates: ['oil-change'],
      });
      expect([twice.status, twice.body.data]).toEqual([201, []]);
      const unknown = await owner.post(`/api/vehicles/${chetak.id}/reminders/from-templates`, {
        templates: ['general-service', 'oil-change'],
      });
      expect([unknown.status, errorPaths(unknown.body)]).toEqual([400, ['templates.1']]);
    });
  });

  describe('documents and vehicles', () => {
    const saved = (
      owner: Owner,
      documentId: string,
      expiresOn: string | null,
      vehicleId: string | null,
      kind = 'insurance',
    ) =>
      publishDomainEvent(app.strapi, 'document.saved', {
        ownerId: owner.id,
        vehicleId,
        documentId,
        kind,
        expiresOn,
      });

    it('turns an expiry date into reminders 30, 7 and 1 days before, replaced when it changes, removed with the document', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      await saved(owner, 'doc-insurance', inDays(90), vehicle.id);
      const first = await list(owner);
      expect(
        first.map((item) => [item.kind, item.dueDate, item.notify.daysBefore, item.source]).sort(),
      ).toEqual([
        ['insurance-renewal', inDays(90), 1, 'document:doc-insurance'],
        ['insurance-renewal', inDays(90), 30, 'document:doc-insurance'],
        ['insurance-renewal', inDays(90), 7, 'document:doc-insurance'],
      ]);
      // Saved again with the same expiry: the same reminders.
      await saved(owner, 'doc-insurance', inDays(90), vehicle.id);
      expect((await list(owner)).map((item) => item.id).sort()).toEqual(
        first.map((item) => item.id).sort(),
      );

      await saved(owner, 'doc-insurance', inDays(120), vehicle.id);
      const moved = await list(owner);
      expect(moved).toHaveLength(3);
      expect(moved.every((item) => item.dueDate === inDays(120))).toBe(true);
      expect(moved.some((item) => first.some((old) => old.id === item.id))).toBe(false);

      await publishDomainEvent(app.strapi, 'document.deleted', {
        ownerId: owner.id,
        documentId: 'doc-insurance',
      });
      expect(await list(owner, '?status=all')).toEqual([]);
    });

    it('names a licence renewal without a vehicle, and drops reminders of a deleted vehicle', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      await saved(owner, 'doc-licence', inDays(200), null, 'driving-licence');
      await saved(owner, 'doc-bluebook', inDays(200), vehicle.id, 'bluebook');
      await addReminder(owner, { vehicleId: vehicle.id, kind: 'wash', dueDate: inDays(3) });
      const all = await list(owner);
      expect(new Set(all.map((item) => `${item.kind}:${item.name}`))).toEqual(
        new Set([
          'other:Driving licence renewal',
          'bluebook-renewal:Bluebook renewal',
          'wash:Wash',
        ]),
      );
      await publishDomainEvent(app.strapi, 'vehicle.deleted', {
        ownerId: owner.id,
        vehicleId: vehicle.id,
      });
      expect((await list(owner)).map((item) => item.kind)).toEqual(['other', 'other', 'other']);
    });
  });

  describe('the source the delivery engine reads', () => {
    it('hands over each occurrence that reached its notification point once, with the message in the owner’s language', async () => {
      const owner = await signUp({ preferredLocale: 'ne' });
      const phone = await owner.put('/api/profile', {
        phone: '9841234567',
        notificationChannels: { sms: true },
      });
      expect(phone.status).toBe(200);
      const vehicle = await addVehicle(owner, {
        nickname: 'हजुरबुबाको पुरानो तर एकदमै बलियो रातो पल्सर',
      });
      const byDate = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'oil-change',
        dueDate: inDays(5),
      });
      const byKm = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'brakes',
        dueKm: 12_200,
      });
      await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'tyres',
        dueDate: inDays(40),
        dueKm: 20_000,
      });

      const notices = await noticesOf(owner);
      expect(notices.map((notice) => notice.key).sort()).toEqual(
        [`reminder:${byDate.id}:1`, `reminder:${byKm.id}:1`].sort(),
      );
      const oil = notices.find((notice) => notice.key.includes(byDate.id))!;
      expect(oil.recipient).toEqual({
        email: owner.email,
        phone: '+9779841234567',
        locale: 'ne',
        channels: { email: true, sms: true },
      });
      expect(oil.message.email.subject).toContain('इन्जिन आयल फेर्ने');
      expect(oil.message.email.text).toContain(
        `https://portal.motorghar.test/ne/garage/${vehicle.id}`,
      );
      expect(oil.message.email.text).toMatch(/[०-९]{4} [^\s]+ [०-९]+ \(\d+ \w{3} \d{4}\)/);
      expect(smsSize(oil.message.sms.text)).toMatchObject({ encoding: 'UCS-2' });
      expect(smsSize(oil.message.sms.text).segments).toBeLessThanOrEqual(2);
      expect(Date.parse(oil.dueAt)).not.toBeNaN();

      await source.handedOver(
        notices.map((notice) => notice.key),
        new Date(),
      );
      await source.handedOver(
        notices.map((notice) => notice.key),
        new Date(),
      );
      expect(await noticesOf(owner)).toEqual([]);
      expect(await noticesOf(owner, tick(10 * DAY_MS))).toEqual([]);

      // Its next occurrence is a new key, once its own point comes.
      await owner.put(`/api/reminders/${byDate.id}`, { everyMonths: 1 });
      await owner.post(`/api/reminders/${byDate.id}/complete`, { date: today() });
      expect(await noticesOf(owner)).toEqual([]);
      const nextMonth = await noticesOf(owner, tick(30 * DAY_MS));
      expect(nextMonth.map((notice) => notice.key)).toEqual([`reminder:${byDate.id}:2`]);
    });

    it('never gives one occurrence to two callers at once', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      for (let index = 0; index < 30; index += 1) {
        await addReminder(owner, {
          vehicleId: vehicle.id,
          kind: 'inspection',
          dueDate: inDays(index % 5),
        });
      }
      const now = tick();
      const [first, second] = await Promise.all([source.due(now, 1000), source.due(now, 1000)]);
      const mine = [...first, ...second].filter((notice) => notice.ownerId === owner.id);
      expect(mine).toHaveLength(30);
      expect(new Set(mine.map((notice) => notice.key)).size).toBe(30);
      await source.handedOver(
        mine.map((notice) => notice.key),
        now,
      );
      expect(await noticesOf(owner, tick(DAY_MS))).toEqual([]);
    });

    it('four callers taking small batches until nothing is left: every due occurrence, by date and by km, exactly once', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const expected: string[] = [];
      for (let index = 0; index < 40; index += 1) {
        const byKm = index % 4 === 0;
        const reminder = await addReminder(owner, {
          vehicleId: vehicle.id,
          kind: 'inspection',
          // The vehicle is at 12,000 km: these are due by km only (no date).
          ...(byKm ? { dueKm: 11_000 + index } : { dueDate: inDays(index % 7) }),
        });
        expected.push(`reminder:${reminder.id}:1`);
      }
      const now = tick();
      const taken: string[] = [];
      const caller = async () => {
        // Bounded: a claim that did not hold would hand the same rows out for ever.
        for (let batch = await source.due(now, 3), calls = 1; batch.length > 0; calls += 1) {
          expect(calls).toBeLessThan(60);
          taken.push(
            ...batch.filter((notice) => notice.ownerId === owner.id).map((notice) => notice.key),
          );
          batch = await source.due(now, 3);
        }
      };
      await Promise.all([caller(), caller(), caller(), caller()]);
      expect(taken.length).toBe(expected.length);
      expect([...taken].sort()).toEqual([...expected].sort());
      await source.handedOver(taken, now);
      expect(await noticesOf(owner, tick(DAY_MS))).toEqual([]);
    });

    it('answers at most limit notices, oldest notification point first', async () => {
      // Hand over what earlier tests left, so only this test's occurrences are due.
      for (
        let batch = await source.due(tick(), 1000);
        batch.length > 0;
        batch = await source.due(tick(), 1000)
      ) {
        await source.handedOver(
          batch.map((notice) => notice.key),
          new Date(),
        );
      }
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const newer = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'wash',
        dueDate: inDays(1),
      });
      const older = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'repair',
        title: 'Mirror',
        dueDate: inDays(-20),
      });
      const now = tick();
      expect((await source.due(now, 1)).map((notice) => notice.key)).toEqual([
        `reminder:${older.id}:1`,
      ]);
      expect((await source.due(now, 1)).map((notice) => notice.key)).toEqual([
        `reminder:${newer.id}:1`,
      ]);
      expect(await source.due(now, 1)).toEqual([]);
    });
  });

  describe('owners and input', () => {
    it('answers 404 for another owner’s reminders and vehicles', async () => {
      const owner = await signUp();
      const intruder = await signUp();
      const vehicle = await addVehicle(owner);
      const item = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'wash',
        dueDate: inDays(3),
      });
      const attempts = [
        () => intruder.get(`/api/reminders/${item.id}`),
        () => intruder.put(`/api/reminders/${item.id}`, { dueDate: inDays(4) }),
        () => intruder.del(`/api/reminders/${item.id}`),
        () => intruder.post(`/api/reminders/${item.id}/snooze`, { until: inDays(4) }),
        () => intruder.post(`/api/reminders/${item.id}/dismiss`),
        () => intruder.post(`/api/reminders/${item.id}/complete`),
        () =>
          intruder.post('/api/reminders', {
            vehicleId: vehicle.id,
            kind: 'wash',
            dueDate: inDays(3),
          }),
        () => intruder.get(`/api/reminders?vehicle=${vehicle.id}`),
        () => intruder.get(`/api/reminder-templates?vehicle=${vehicle.id}`),
        () =>
          intruder.post(`/api/vehicles/${vehicle.id}/reminders/from-templates`, {
            templates: ['oil-change'],
          }),
      ];
      for (const [index, attempt] of attempts.entries()) {
        const response = await attempt();
        expect([index, response.status]).toEqual([index, 404]);
      }
      expect((await owner.get(`/api/reminders/${item.id}`)).body.data).toMatchObject({
        status: 'active',
        dueDate: inDays(3),
      });
      expect(await list(intruder, '?status=all')).toEqual([]);
    });

    it('refuses bad input with 400 naming the field', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const item = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'wash',
        dueDate: inDays(3),
      });
      const base = { vehicleId: vehicle.id, kind: 'wash', dueDate: inDays(3) };
      const cases: Array<[string, () => request.Test, string]> = [
        [
          'no due point',
          () => owner.post('/api/reminders', { vehicleId: vehicle.id, kind: 'wash' }),
          'dueDate',
        ],
        ['unknown kind', () => owner.post('/api/reminders', { ...base, kind: 'polish' }), 'kind'],
        [
          'impossible date',
          () => owner.post('/api/reminders', { ...base, dueDate: '2027-02-30' }),
          'dueDate',
        ],
        ['negative km', () => owner.post('/api/reminders', { ...base, dueKm: -5 }), 'dueKm'],
        ['zero interval', () => owner.post('/api/reminders', { ...base, everyKm: 0 }), 'everyKm'],
        ['other untitled', () => owner.post('/api/reminders', { ...base, kind: 'other' }), 'title'],
        [
          'bad schedule',
          () => owner.post('/api/reminders', { ...base, schedule: 'sometimes' }),
          'schedule',
        ],
        ['unknown field', () => owner.post('/api/reminders', { ...base, colour: 'red' }), 'colour'],
        [
          'cleared due point',
          () => owner.put(`/api/reminders/${item.id}`, { dueDate: null }),
          'dueDate',
        ],
        [
          'future completion',
          () => owner.post(`/api/reminders/${item.id}/complete`, { date: inDays(30) }),
          'date',
        ],
        ['bad tier', () => owner.get('/api/reminders?tier=urgent'), 'tier'],
        ['unknown filter', () => owner.get('/api/reminders?colour=red'), 'colour'],
        ['no vehicle', () => owner.get('/api/reminder-templates'), 'vehicle'],
        [
          'empty templates',
          () =>
            owner.post(`/api/vehicles/${vehicle.id}/reminders/from-templates`, { templates: [] }),
          'templates',
        ],
      ];
      for (const [what, send, field] of cases) {
        const response = await send();
        expect([what, response.status, errorPaths(response.body)[0]]).toEqual([what, 400, field]);
      }
      expect((await owner.get(`/api/reminders/${item.id}`)).body.data).toMatchObject({
        dueDate: inDays(3),
        status: 'active',
      });
    });

    it('changes and deletes a reminder', async () => {
      const owner = await signUp();
      const vehicle = await addVehicle(owner);
      const item = await addReminder(owner, {
        vehicleId: vehicle.id,
        kind: 'wash',
        dueDate: inDays(3),
      });
      const changed = await owner.put(`/api/reminders/${item.id}`, {
        dueDate: null,
        dueKm: 12_900,
        title: 'Full wash before Dashain',
        notifyKmBefore: 50,
      });
      expect(changed.status).toBe(200);
      expect(changed.body.data).toMatchObject({
        mode: 'km',
        name: 'Full wash before Dashain',
        notify: { kmBefore: 50 },
        tier: 'upcoming',
      });
      expect((await owner.del(`/api/reminders/${item.id}`)).status).toBe(204);
      expect((await owner.get(`/api/reminders/${item.id}`)).status).toBe(404);
    });
  });
});
