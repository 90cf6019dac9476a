import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { haversineKm } from '@motorghar/nepal';
import type { Knex } from 'knex';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { FINDER_CHECK_MS } from '../src/api/service-center/services/search';
import { recordSearchChange, SEARCH_TABLE } from '../src/api/service-center/storage';
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
const PASSWORD = 'Phewa-Lake-Pokhara-822';
const UID = 'api::service-center.service-center';
// Ratna Park, Kathmandu: the point most searches here start from.
const HOME = { lat: 27.7049, lng: 85.3153 };
const KM_PER_DEGREE = 111.195;

/** A point `north` and `east` km from HOME. */
const offset = (north: number, east: number) => ({
  lat: Number((HOME.lat + north / KM_PER_DEGREE).toFixed(6)),
  lng: Number(
    (HOME.lng + east / (KM_PER_DEGREE * Math.cos((HOME.lat * Math.PI) / 180))).toFixed(6),
  ),
});

type Hours = Array<{ day: string; opens: string; closes: string }>;
/** Strapi stores a time as HH:mm:ss.SSS. */
const time = (clock: string) => `${clock}:00.000`;
const weekdays = (opens: string, closes: string): Hours =>
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({
    day,
    opens: time(opens),
    closes: time(closes),
  }));

// 2026-12-05 is a Saturday. Nepal is UTC+5:45.
const nepal = (local: string) => new Date(`${local}+05:45`);

const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

interface Summary {
  id: string;
  slug: string;
  name: string;
  distanceKm: number | null;
  location: { lat: number; lng: number } | null;
  openNow: boolean | null;
  district: { code: string; name: string };
  province: { code: string; name: string };
  services: string[];
  makes: Array<{ id: string; name: string }>;
  sample: boolean;
}

describe('service centers on PostgreSQL', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let bajaj: string;
  let hyundai: string;
  let signUps = 0;
  let made = 0;
  const http = () => request(app.strapi.server.httpServer);
  const centers: Record<string, { id: string; lat: number; lng: number }> = {};

  async function addCenter(
    key: string,
    point: { lat: number; lng: number },
    extra: Record<string, unknown> = {},
    status: 'published' | 'draft' = 'published',
  ) {
    made += 1;
    const created = (await app.strapi.documents(UID).create({
      locale: 'en',
      status,
      data: {
        name: `Test Center ${key}`,
        slug: `test-center-${key.toLowerCase()}-${made}`,
        address: `Ward ${made}, Test Road`,
        city: 'Kathmandu',
        district: 'kathmandu',
        latitude: point.lat,
        longitude: point.lng,
        phone: '01-4412345',
        sampleData: true,
        ...extra,
      } as never,
    })) as { documentId: string };
    centers[key] = { id: created.documentId, ...point };
    return created.documentId;
  }

  async function signUp() {
    const email = `centers-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', `198.51.100.${(signUps += 1)}`)
      .send({ username: email, email, password: PASSWORD });
    expect(response.status).toBe(200);
    const auth = { authorization: `Bearer ${response.body.jwt as string}` };
    return {
      get: (url: string) => http().get(url).set(auth),
      post: (url: string, data?: object) =>
        http()
          .post(url)
          .set(auth)
          .send(data === undefined ? undefined : { data }),
      put: (url: string, data: object) => http().put(url).set(auth).send({ data }),
      del: (url: string) => http().delete(url).set(auth),
    };
  }

  const list = async (query: string) => {
    const response = await http().get(`/api/service-centers?${query}`);
    expect([response.status, response.body.error]).toEqual([200, undefined]);
    return response.body as {
      data: Summary[];
      meta: { pagination: { limit: number; nextCursor: string | null } };
    };
  };

  /** Every page of a query, walked by cursor. */
  async function allPages(query: string, limit: number) {
    const seen: Summary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(
        `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.data);
      cursor = page.meta.pagination.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return seen;
  }

  const near = `near=${HOME.lat},${HOME.lng}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL }));
    await seedCatalog(app.strapi, FIXTURE);
    bajaj = (await catalogIds(app.strapi, 'bajaj', 'pulsar-150')).make;
    hyundai = (await catalogIds(app.strapi, 'hyundai', 'creta')).make;

    await addCenter('A', offset(1, 0), {
      services: [{ kind: 'oil-change' }, { kind: 'wash' }],
      makes: [bajaj],
      openingHours: weekdays('09:00', '18:00'),
    });
    await addCenter('B', offset(0, 3), {
      district: 'lalitpur',
      services: [{ kind: 'tyres' }],
      makes: [hyundai],
      openingHours: [{ day: 'saturday', opens: time('20:00'), closes: time('02:00') }],
    });
    await addCenter('C', offset(-7, 0), {
      district: 'lalitpur',
      services: [{ kind: 'oil-change' }],
      makes: [bajaj, hyundai],
    });
    await addCenter('D', offset(0, -12));
    await addCenter('E', offset(30, 25), { district: 'nuwakot' });
    await addCenter('F', { lat: 28.2096, lng: 83.9856 }, { district: 'kaski', city: 'Pokhara' });
    await addCenter('Draft', offset(2, 0), {}, 'draft');
    await addCenter('Gone', offset(2.5, 0));
    await app.strapi.documents(UID).unpublish({ documentId: centers.Gone.id });
    // Two at the same spot: the tie is broken by id.
    await addCenter('Twin1', offset(4, 4));
    await addCenter('Twin2', offset(4, 4));
    for (let index = 0; index < 8; index += 1) {
      await addCenter(`P${index}`, offset(((index * 37) % 17) - 8, ((index * 53) % 15) - 7));
    }
    // F in Nepali; the others have only English.
    const fSlug = (
      (await app.strapi.db.query(UID).findOne({ where: { documentId: centers.F.id } })) as {
        slug: string;
      }
    ).slug;
    await app.strapi.documents(UID).update({
      documentId: centers.F.id,
      locale: 'ne',
      status: 'published',
      data: {
        name: 'नमुना सर्भिस सेन्टर पोखरा',
        address: 'लेकसाइड, पोखरा',
        slug: fSlug,
        district: 'kaski',
      } as never,
    });
  }, 400_000);

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('near a point', () => {
    it('orders by great-circle distance within the radius, with the distance', async () => {
      const { data } = await list(`${near}&radiusKm=15&limit=100`);
      const expected = Object.entries(centers)
        .filter(([key]) => key !== 'Draft' && key !== 'Gone')
        .map(([key, center]) => ({
          key,
          id: center.id,
          km: haversineKm(HOME.lat, HOME.lng, center.lat, center.lng),
        }))
        .filter((center) => center.km <= 15)
        .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
      expect(data.map((center) => center.id)).toEqual(expected.map((center) => center.id));
      expect(data.map((center) => center.distanceKm)).toEqual(
        expected.map((center) => Math.round(center.km * 10) / 10),
      );
      expect(expected.map((center) => center.key)).not.toContain('E');
      expect(data[0]).toMatchObject({
        id: centers.A.id,
        name: 'Test Center A',
        location: { lat: centers.A.lat, lng: centers.A.lng },
        district: { code: 'kathmandu', name: 'Kathmandu' },
        province: { code: 'bagmati', name: 'Bagmati' },
        services: ['oil-change', 'wash'],
        makes: [{ id: bajaj, name: 'Bajaj' }],
        phone: '01-4412345',
        photo: null,
        sample: true,
      });
    });

    it('takes the default radius of 25 km and a wider one on request', async () => {
      const within25 = (await list(`${near}&limit=100`)).data.map((center) => center.id);
      expect(within25).not.toContain(centers.E.id);
      const wide = (await list(`${near}&radiusKm=300&limit=100`)).data.map((c) => c.id);
      expect(wide).toContain(centers.E.id);
      expect(wide).toContain(centers.F.id);
    });

    it('pages by cursor without duplicates or gaps, ties by id', async () => {
      const whole = (await list(`${near}&radiusKm=300&limit=100`)).data.map((c) => c.id);
      const paged = (await allPages(`${near}&radiusKm=300`, 3)).map((c) => c.id);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(paged.length);
      const twins = [centers.Twin1.id, centers.Twin2.id].sort();
      expect(whole.filter((id) => twins.includes(id))).toEqual(twins);
    });

    it('without near, orders by name and pages the same way', async () => {
      const whole = (await list('limit=100')).data.map((c) => c.name);
      expect(whole).toEqual(
        [...whole].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
      );
      expect(whole).toHaveLength(Object.keys(centers).length - 2);
      expect((await allPages('district=kathmandu', 4)).map((c) => c.name)).toEqual(
        (await list('district=kathmandu&limit=100')).data.map((c) => c.name),
      );
      expect((await list('limit=5')).data.every((c) => c.distanceKm === null)).toBe(true);
    });
  });

  describe('filters', () => {
    it('by district, service and make, alone and together', async () => {
      const ids = async (query: string) =>
        (await list(`${near}&radiusKm=50&limit=100&${query}`)).data.map((c) => c.id).sort();
      expect(await ids('district=lalitpur')).toEqual([centers.B.id, centers.C.id].sort());
      expect(await ids('service=oil-change')).toEqual([centers.A.id, centers.C.id].sort());
      expect(await ids(`make=${hyundai}`)).toEqual([centers.B.id, centers.C.id].sort());
      expect(await ids(`make=${bajaj}&service=oil-change&district=lalitpur`)).toEqual([
        centers.C.id,
      ]);
      expect(await ids('service=ac-service')).toEqual([]);
    });

    it('open now in Nepal time, hours past midnight included', async () => {
      const search = app.strapi.service('api::service-center.search') as {
        list(
          filters: Record<string, unknown>,
          locale: string,
          now: Date,
        ): Promise<{ data: Summary[] }>;
      };
      const openAt = async (local: string, openNow: 'true' | 'false') =>
        (
          await search.list({ limit: 100, near: HOME, radiusKm: 20, openNow }, 'en', nepal(local))
        ).data
          .map((c) => c.id)
          .sort();
      // Saturday 23:30: B's night has begun; A is closed on Saturdays.
      expect(await openAt('2026-12-05T23:30:00', 'true')).toEqual([centers.B.id]);
      // Sunday 01:00: still Saturday's night at B.
      expect(await openAt('2026-12-06T01:00:00', 'true')).toEqual([centers.B.id]);
      // Sunday 02:00: B has closed; A opens at 09:00.
      expect(await openAt('2026-12-06T02:00:00', 'true')).toEqual([]);
      expect(await openAt('2026-12-06T10:00:00', 'true')).toEqual([centers.A.id]);
      // Closed now: centers with hours that are closed; those without hours are neither.
      expect(await openAt('2026-12-06T10:00:00', 'false')).toEqual([centers.B.id]);
      const answer = await search.list(
        { limit: 100, near: HOME, radiusKm: 20 },
        'en',
        nepal('2026-12-06T01:00:00'),
      );
      const byId = new Map(answer.data.map((c) => [c.id, c.openNow]));
      expect([byId.get(centers.A.id), byId.get(centers.B.id), byId.get(centers.C.id)]).toEqual([
        false,
        true,
        null,
      ]);
      // Over HTTP, by the real clock.
      const live = await list(`${near}&radiusKm=20&openNow=true&limit=100`);
      expect(live.data.every((c) => c.openNow === true)).toBe(true);
    });
  });

  describe('locales and publication', () => {
    it('answers in Nepali where translated and falls back to English', async () => {
      const { data } = await list('near=28.2096,83.9856&radiusKm=5&locale=ne');
      expect(data.map((c) => c.id)).toEqual([centers.F.id]);
      expect(data[0]).toMatchObject({
        name: 'नमुना सर्भिस सेन्टर पोखरा',
        district: { code: 'kaski', name: 'कास्की' },
        province: { code: 'gandaki', name: 'गण्डकी' },
      });
      const kathmandu = await list(`${near}&radiusKm=2&locale=ne`);
      expect(kathmandu.data[0]).toMatchObject({ id: centers.A.id, name: 'Test Center A' });
      expect(kathmandu.data[0].district.name).toBe('काठमाडौं');
      const one = await http().get(`/api/service-centers/${centers.F.id}?locale=ne`);
      expect(one.body.data).toMatchObject({
        name: 'नमुना सर्भिस सेन्टर पोखरा',
        address: 'लेकसाइड, पोखरा',
      });
    });

    it('shows one center by id or slug with its hours; drafts and unpublished are 404', async () => {
      const byId = await http().get(`/api/service-centers/${centers.A.id}`);
      expect(byId.status).toBe(200);
      expect(byId.body.data).toMatchObject({
        id: centers.A.id,
        distanceKm: null,
        description: null,
        photos: [],
      });
      expect(byId.body.data.openingHours).toHaveLength(6);
      expect(byId.body.data.openingHours[0]).toEqual({
        day: 'sunday',
        opens: '09:00',
        closes: '18:00',
      });
      const bySlug = await http().get(`/api/service-centers/${byId.body.data.slug}`);
      expect(bySlug.body.data.id).toBe(centers.A.id);
      for (const key of ['Draft', 'Gone']) {
        expect((await http().get(`/api/service-centers/${centers[key].id}`)).status).toBe(404);
      }
      expect((await http().get('/api/service-centers/nope')).status).toBe(404);
      const ids = (await list(`${near}&radiusKm=300&limit=100`)).data.map((c) => c.id);
      expect(ids).not.toContain(centers.Draft.id);
      expect(ids).not.toContain(centers.Gone.id);
    });

    it('sets the province from the district on every write', async () => {
      const id = await addCenter('Prov', offset(-20, -20), {
        district: 'kaski',
        province: 'koshi',
      });
      // Updates change the draft; the province of the draft is what publishing carries over.
      const row = async () =>
        (await app.strapi.db
          .query(UID)
          .findOne({ where: { documentId: id, publishedAt: null } })) as {
          province: string;
        };
      expect((await row()).province).toBe('gandaki');
      await app.strapi.documents(UID).update({
        documentId: id,
        locale: 'en',
        data: { district: 'banke' } as never,
      });
      expect((await row()).province).toBe('lumbini');
      await app.strapi.documents(UID).update({
        documentId: id,
        locale: 'en',
        data: { province: 'karnali' } as never,
      });
      expect((await row()).province).toBe('lumbini');
      await app.strapi.documents(UID).delete({ documentId: id });
      delete centers.Prov;
    });
  });

  describe('the finder in memory', () => {
    const nameOf = async (id: string) =>
      (await list(`${near}&radiusKm=300&limit=100`)).data.find((c) => c.id === id)?.name;
    /** Past the interval at which an instance asks whether the table changed. */
    const pastCheck = () => new Promise((resolve) => setTimeout(resolve, FINDER_CHECK_MS + 300));
    /**
     * What another instance's write looks like from here: the table and its version change
     * in the database, and no listener of this process hears of it.
     */
    async function otherInstance(
      documentIds: string[] | null,
      change: (trx: Knex.Transaction) => Promise<unknown>,
    ) {
      await app.strapi.db.transaction(async ({ trx }) => {
        await change(trx);
        await recordSearchChange(app.strapi, { trx, onCommit: () => undefined }, documentIds);
      });
    }
    const rename = (trx: Knex.Transaction, id: string, name: string) =>
      trx.raw(
        `UPDATE ${SEARCH_TABLE} SET data = jsonb_set(data::jsonb, '{name}', to_jsonb(?::text))::text
          WHERE document_id = ? AND locale = 'en'`,
        [name, id],
      );

    it('shows a write of this instance on the next request', async () => {
      const id = await addCenter('Fresh', offset(3, -3));
      expect(await nameOf(id)).toBe('Test Center Fresh');
      await app.strapi.documents(UID).update({
        documentId: id,
        locale: 'en',
        status: 'published',
        data: { name: 'Test Center Renamed' } as never,
      });
      expect(await nameOf(id)).toBe('Test Center Renamed');
      await app.strapi.documents(UID).delete({ documentId: id });
      expect(await nameOf(id)).toBeUndefined();
      expect((await http().get(`/api/service-centers/${id}`)).status).toBe(404);
      delete centers.Fresh;
    });

    it("takes another instance's change within a second: the documents it names, or all", async () => {
      // C changes too, but unrecorded: only what a version names is read again.
      await otherInstance([centers.D.id], async (trx) => {
        await rename(trx, centers.D.id, 'Renamed Elsewhere');
        await rename(trx, centers.C.id, 'Unrecorded');
      });
      await pastCheck();
      expect(await nameOf(centers.D.id)).toBe('Renamed Elsewhere');
      expect((await http().get(`/api/service-centers/${centers.D.id}`)).body.data.name).toBe(
        'Renamed Elsewhere',
      );
      expect(await nameOf(centers.C.id)).toBe('Test Center C');
      // A rebuild elsewhere names no document: everything is read again.
      await otherInstance(null, async () => undefined);
      await pastCheck();
      expect(await nameOf(centers.C.id)).toBe('Unrecorded');
      // Put both back as the Document Service writes them.
      const index = app.strapi.service('api::service-center.search-index') as {
        sync(id: string): Promise<void>;
      };
      await index.sync(centers.D.id);
      await index.sync(centers.C.id);
      expect(await nameOf(centers.D.id)).toBe('Test Center D');
      expect(await nameOf(centers.C.id)).toBe('Test Center C');
    });
  });

  describe('bad input', () => {
    it.each([
      ['near=abc', 'near'],
      ['near=40.1,85.3', 'near'],
      ['near=27.7,95', 'near'],
      ['radiusKm=5', 'radiusKm'],
      [`${near}&radiusKm=0.1`, 'radiusKm'],
      [`${near}&radiusKm=301`, 'radiusKm'],
      [`${near}&radiusKm=far`, 'radiusKm'],
      ['district=atlantis', 'district'],
      ['service=teleport', 'service'],
      ['make=not-a-make', 'make'],
      ['openNow=maybe', 'openNow'],
      ['limit=0', 'limit'],
      ['cursor=forged.cursor', 'cursor'],
      ['colour=red', 'colour'],
      ['locale=fr', 'locale'],
    ])('%s is a 400 naming %s', async (query, field) => {
      const response = await http().get(`/api/service-centers?${query}`);
      expect([response.status, errorPaths(response.body)]).toEqual([400, [field]]);
    });

    it('refuses a cursor of the other order', async () => {
      const byName = await list('limit=1');
      const response = await http().get(
        `/api/service-centers?${near}&cursor=${encodeURIComponent(byName.meta.pagination.nextCursor!)}`,
      );
      expect([response.status, errorPaths(response.body)]).toEqual([400, ['cursor']]);
    });
  });

  describe('saved centers', () => {
    it('saves once, lists newest first per owner, unsaves', async () => {
      const owner = await signUp();
      const other = await signUp();
      const first = await owner.post('/api/saved-centers', { center: centers.A.id });
      expect(first.status).toBe(201);
      expect(first.body.data).toMatchObject({ id: centers.A.id, name: 'Test Center A' });
      expect(typeof first.body.data.savedAt).toBe('string');
      const again = await owner.post('/api/saved-centers', { center: centers.A.id });
      expect([again.status, again.body.data]).toEqual([200, first.body.data]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await owner.post('/api/saved-centers', { center: centers.B.id })).status).toBe(201);
      expect((await other.post('/api/saved-centers', { center: centers.C.id })).status).toBe(201);

      const mine = await owner.get('/api/saved-centers?limit=1');
      expect(mine.body.data.map((c: Summary) => c.id)).toEqual([centers.B.id]);
      const next = await owner.get(
        `/api/saved-centers?limit=1&cursor=${encodeURIComponent(mine.body.meta.pagination.nextCursor)}`,
      );
      expect(next.body.data.map((c: Summary) => c.id)).toEqual([centers.A.id]);
      expect(next.body.meta.pagination.nextCursor).toBeNull();
      const theirs = await other.get('/api/saved-centers');
      expect(theirs.body.data.map((c: Summary) => c.id)).toEqual([centers.C.id]);

      expect((await owner.del(`/api/saved-centers/${centers.B.id}`)).status).toBe(204);
      expect((await owner.del(`/api/saved-centers/${centers.B.id}`)).status).toBe(404);
      expect((await owner.del(`/api/saved-centers/${centers.C.id}`)).status).toBe(404);
      expect((await other.get('/api/saved-centers')).body.data).toHaveLength(1);
    });

    it('refuses unknown, draft and unpublished centers (404 naming center) and bad bodies', async () => {
      const owner = await signUp();
      for (const id of ['nope', centers.Draft.id, centers.Gone.id]) {
        const response = await owner.post('/api/saved-centers', { center: id });
        expect(response.status).toBe(404);
        expect(response.body.error.message).toMatch(/^center/);
      }
      const missing = await owner.post('/api/saved-centers', { place: centers.A.id });
      expect([missing.status, errorPaths(missing.body)]).toEqual([400, ['place', 'center']]);
      expect((await http().get('/api/saved-centers')).status).toBe(403);
      expect(
        (
          await http()
            .post('/api/saved-centers')
            .send({ data: { center: centers.A.id } })
        ).status,
      ).toBe(403);
    });

    it('forgets the saves of a deleted center', async () => {
      const owner = await signUp();
      const id = await addCenter('Doomed', offset(-3, -3));
      expect((await owner.post('/api/saved-centers', { center: id })).status).toBe(201);
      await app.strapi.documents(UID).delete({ documentId: id });
      delete centers.Doomed;
      expect((await owner.get('/api/saved-centers')).body.data).toEqual([]);
      const rows = await app.strapi.db.connection('service_center_saves').where('document_id', id);
      expect(rows).toEqual([]);
    });
  });

  describe('service records', () => {
    it('point at a published center, and answer with its name', async () => {
      const owner = await signUp();
      const pulsar = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
      const vehicle = await owner.post('/api/vehicles', {
        makeId: pulsar.make,
        modelId: pulsar.model,
        year: 2019,
        registrationNumber: 'BA 3 PA 4242',
        fuel: 'petrol',
        odometerKm: 1000,
      });
      expect(vehicle.status).toBe(201);
      const base = {
        vehicleId: vehicle.body.data.id,
        scheduledAt: '2026-12-20T10:30:00+05:45',
        kind: 'general-service',
      };
      const created = await owner.post('/api/service-records', {
        ...base,
        serviceCenter: centers.F.id,
      });
      expect(created.status).toBe(201);
      expect(created.body.data.serviceCenter).toEqual({
        id: centers.F.id,
        slug: expect.any(String),
        name: 'Test Center F',
      });
      const inNepali = await owner.get(`/api/service-records/${created.body.data.id}?locale=ne`);
      expect(inNepali.body.data.serviceCenter.name).toBe('नमुना सर्भिस सेन्टर पोखरा');
      const listed = await owner.get('/api/service-records');
      expect(listed.body.data[0].serviceCenter.id).toBe(centers.F.id);

      for (const id of ['nope', centers.Draft.id]) {
        const refused = await owner.post('/api/service-records', { ...base, serviceCenter: id });
        expect([refused.status, errorPaths(refused.body)]).toEqual([400, ['serviceCenter']]);
        const change = await owner.put(`/api/service-records/${created.body.data.id}`, {
          serviceCenter: id,
        });
        expect([change.status, errorPaths(change.body)]).toEqual([400, ['serviceCenter']]);
      }
      const cleared = await owner.put(`/api/service-records/${created.body.data.id}`, {
        serviceCenter: null,
      });
      expect([cleared.status, cleared.body.data.serviceCenter]).toEqual([200, null]);
      const plain = await owner.post('/api/service-records', base);
      expect(plain.body.data.serviceCenter).toBeNull();
    });
  });
});
