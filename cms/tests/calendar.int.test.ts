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
import { ownerFixture, type Owner } from './support/owners';

// ical.js 1.5 is CommonJS without types: the real parser phone calendars are checked against.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  start: string;
}

function parseFeed(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component: unknown) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location ?? null,
      description: event.description ?? null,
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

describe('calendar feeds', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  const http = () => request(app.strapi.server.httpServer);

  const owners = ownerFixture(() => app.strapi, 'calendar');
  const signUp = (preferredLocale = 'en') => owners.signUp({ preferredLocale });

  async function addVehicle(owner: Owner, nickname: string) {
    return (await owners.addVehicle(owner, { nickname, fuel: 'petrol', odometerKm: 1000 })).id;
  }

  async function addRecord(owner: Owner, data: object) {
    const response = await owner.post('/api/service-records', data);
    expect(response.status).toBe(201);
    return response.body.data.id as string;
  }

  async function newFeed(owner: Owner) {
    const response = await owner.post('/api/calendar/token');
    expect(response.status).toBe(201);
    return response.body.data as { token: string; path: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }));
    await seedCatalog(app.strapi, FIXTURE);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it("serves the owner's scheduled and completed services, in their language, to a real parser", async () => {
    const owner = await signUp('ne');
    const vehicleId = await addVehicle(owner, 'Rato Pulsar');
    const planned = await addRecord(owner, {
      vehicleId,
      scheduledAt: '2026-12-20T10:30:00+05:45',
      kind: 'oil-change',
      centerName: 'Sharma Auto Works, Kalimati; Bay 2',
      notes: 'पुरानो आयल फिल्टर ल्याउनुहोस्, ब्रेक पनि जाँच गर्नुहोस्;\nधन्यवाद',
    });
    const done = await addRecord(owner, {
      vehicleId,
      status: 'completed',
      completedAt: '2026-11-02T09:00:00+05:45',
      kind: 'other',
      kindLabel: 'Seat cover',
    });
    const cancelled = await addRecord(owner, {
      vehicleId,
      scheduledAt: '2026-12-24T10:30:00+05:45',
      kind: 'wash',
    });
    await owner.post(`/api/service-records/${cancelled}/cancel`);
    const someoneElse = await signUp();
    await addRecord(someoneElse, {
      vehicleId: await addVehicle(someoneElse, 'Not mine'),
      scheduledAt: '2026-12-21T10:30:00+05:45',
      kind: 'tyres',
    });

    const { token, path: feedPath } = await newFeed(owner);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(feedPath).toBe(`/calendar/${token}.ics`);
    const response = await http().get(`/api${feedPath}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const ics = response.text;
    // The Nepali notes are over 75 octets: folded, never cut inside a letter.
    expect(ics).toContain('\r\n ');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');

    expect(parseFeed(ics)).toEqual([
      {
        uid: `${done}@motorghar`,
        summary: 'Rato Pulsar: Seat cover (सम्पन्न)',
        location: null,
        description: null,
        start: '2026-11-02T03:15:00.000Z',
      },
      {
        uid: `${planned}@motorghar`,
        summary: 'Rato Pulsar: इन्जिन आयल फेर्ने',
        location: 'Sharma Auto Works, Kalimati; Bay 2',
        description: 'पुरानो आयल फिल्टर ल्याउनुहोस्, ब्रेक पनि जाँच गर्नुहोस्;\nधन्यवाद',
        start: '2026-12-20T04:45:00.000Z',
      },
    ]);
  });

  it("adds the owner's open reminders as all-day events on their next due day, in their language", async () => {
    const owner = await signUp('ne');
    const vehicleId = await addVehicle(owner, 'Seto Pulsar');
    const addReminder = async (data: object) => {
      const response = await owner.post('/api/reminders', { vehicleId, ...data });
      expect(response.status).toBe(201);
      return response.body.data.id as string;
    };
    const tax = await addReminder({
      kind: 'bluebook-renewal',
      dueDate: '2027-03-20',
      everyMonths: 12,
      schedule: 'fixed',
    });
    const oil = await addReminder({ kind: 'oil-change', dueDate: '2027-01-10', dueKm: 4000 });
    // Km only and no daily distance yet: no day to put it on.
    await addReminder({ kind: 'tyres', dueKm: 9000 });
    const dismissed = await addReminder({ kind: 'brakes', dueDate: '2027-02-01' });
    expect((await owner.post(`/api/reminders/${dismissed}/dismiss`)).status).toBe(200);
    const snoozed = await addReminder({ kind: 'other', title: 'Chain', dueDate: '2027-02-02' });
    expect(
      (await owner.post(`/api/reminders/${snoozed}/snooze`, { until: '2027-01-20' })).status,
    ).toBe(200);
    const someoneElse = await signUp();
    const theirs = await someoneElse.post('/api/reminders', {
      vehicleId: await addVehicle(someoneElse, 'Not mine'),
      kind: 'oil-change',
      dueDate: '2027-01-11',
    });
    expect(theirs.status).toBe(201);

    const { path: feedPath } = await newFeed(owner);
    const read = async () => {
      const response = await http().get(`/api${feedPath}`);
      expect(response.status).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(response.text));
      return calendar.getAllSubcomponents('vevent').map((component: unknown) => {
        const event = new ICAL.Event(component);
        return {
          uid: event.uid as string,
          summary: event.summary as string,
          description: (event.description as string | null) ?? null,
          allDay: event.startDate.isDate as boolean,
          day: event.startDate.toString() as string,
        };
      });
    };
    expect(await read()).toEqual([
      {
        uid: `${oil}@motorghar`,
        summary: 'Seto Pulsar: इन्जिन आयल फेर्ने',
        description: '४,००० कि.मी. मा गर्नुपर्ने',
        allDay: true,
        day: '2027-01-10',
      },
      {
        uid: `${snoozed}@motorghar`,
        summary: 'Seto Pulsar: Chain',
        description: null,
        allDay: true,
        day: '2027-02-02',
      },
      {
        uid: `${tax}@motorghar`,
        summary: 'Seto Pulsar: ब्लुबुक नवीकरण',
        description: null,
        allDay: true,
        day: '2027-03-20',
      },
    ]);

    // Completed months early (today), a fixed schedule keeps its anniversary: a year on.
    const done = await owner.post(`/api/reminders/${tax}/complete`);
    expect(done.status).toBe(200);
    const moved = (await read()).find((event: { uid: string }) => event.uid === `${tax}@motorghar`);
    expect(moved).toMatchObject({ allDay: true, day: '2028-03-20' });
  });

  it('keeps an event its UID when the service moves', async () => {
    const owner = await signUp();
    const vehicleId = await addVehicle(owner, 'Kalo');
    const id = await addRecord(owner, {
      vehicleId,
      scheduledAt: '2026-12-20T10:30:00+05:45',
      kind: 'brakes',
    });
    const { path: feedPath } = await newFeed(owner);
    await owner.put(`/api/service-records/${id}`, { scheduledAt: '2026-12-22T08:00:00+05:45' });
    const [event] = parseFeed((await http().get(`/api${feedPath}`)).text);
    expect(event).toMatchObject({
      uid: `${id}@motorghar`,
      summary: 'Kalo: Brakes',
      start: '2026-12-22T02:15:00.000Z',
    });
  });

  it('stops the old URL at once when the token is rotated, and every URL when revoked', async () => {
    const owner = await signUp();
    const first = await newFeed(owner);
    expect((await http().get(`/api${first.path}`)).status).toBe(200);
    const second = await newFeed(owner);
    expect(second.token).not.toBe(first.token);
    expect((await http().get(`/api${first.path}`)).status).toBe(404);
    expect((await http().get(`/api${second.path}`)).status).toBe(200);

    expect((await owner.del('/api/calendar/token')).status).toBe(204);
    expect((await http().get(`/api${second.path}`)).status).toBe(404);
    expect((await owner.get('/api/calendar/token')).body.data).toEqual({
      exists: false,
      createdAt: null,
    });
  });

  it('tells the owner whether a feed exists without ever showing the token again', async () => {
    const owner = await signUp();
    expect((await owner.get('/api/calendar/token')).body.data).toEqual({
      exists: false,
      createdAt: null,
    });
    const { token } = await newFeed(owner);
    const state = await owner.get('/api/calendar/token');
    expect(state.body.data).toEqual({ exists: true, createdAt: expect.any(String) });
    expect(JSON.stringify(state.body)).not.toContain(token);
    const stored = await app.strapi.db.connection('calendar_feed_tokens').select('*');
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('closes the feed of an owner an admin blocked', async () => {
    const owner = await signUp();
    const { path: feedPath } = await newFeed(owner);
    expect((await http().get(`/api${feedPath}`)).status).toBe(200);
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: owner.id }, data: { blocked: true } });
    expect((await http().get(`/api${feedPath}`)).status).toBe(404);
  });

  it('answers 404 for a token that never existed or is not a token', async () => {
    for (const token of ['A'.repeat(43), 'short', 'has.dots']) {
      expect((await http().get(`/api/calendar/${token}.ics`)).status).toBe(404);
    }
  });

  it('never takes a feed token as a bearer token', async () => {
    const owner = await signUp();
    const { token } = await newFeed(owner);
    const bearer = { authorization: `Bearer ${token}` };
    for (const url of [
      '/api/service-records',
      '/api/calendar/token',
      '/api/vehicles',
      '/api/profile',
    ]) {
      expect((await http().get(url).set(bearer)).status).toBe(401);
    }
  });

  it('manages tokens for a signed-in owner only', async () => {
    expect((await http().post('/api/calendar/token')).status).toBe(403);
    expect((await http().get('/api/calendar/token')).status).toBe(403);
    expect((await http().delete('/api/calendar/token')).status).toBe(403);
  });
});
