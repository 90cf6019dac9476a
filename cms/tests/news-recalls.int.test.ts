import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { NEWS_CSV, RECALLS_CSV } from '../src/demo/demo-news';
import {
  bootStrapi,
  catalogIds,
  createTestDatabase,
  testEnv,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const PASSWORD = 'Tilicho-Lake-Manang-4919';
const NEWS = 'api::news.news';
const RECALL = 'api::news.recall';

type Documents = {
  create(params: object): Promise<{ documentId: string; id: number }>;
  update(params: object): Promise<{ documentId: string }>;
  publish(params: object): Promise<unknown>;
  unpublish(params: object): Promise<unknown>;
};

interface RecallItem {
  recall: {
    id: string;
    campaignId: string;
    title: string;
    make: { id: string; name: string };
    model: { id: string; name: string } | null;
    yearFrom: number;
    yearTo: number;
    severity: string;
  };
  vehicle: { id: string; registrationNumber: string; label: string };
  status: string;
  statusUpdatedAt: string | null;
}

describe('news and recalls on PostgreSQL', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let catalog: { bajaj: string; pulsar: string; chetak: string; hyundai: string; creta: string };
  let plate = 0;
  let signUps = 0;
  const http = () => request(app.strapi.server.httpServer);
  const documents = (uid: string) => app.strapi.documents(uid as never) as unknown as Documents;
  const notices = () =>
    app.strapi.service('api::news.recall-notices') as {
      idle(): Promise<void>;
      notify(id: string): Promise<{ vehicles: number; written: number }>;
    };

  async function signUp(profile: object = {}) {
    const email = `news-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', `203.0.113.${(signUps += 1)}`)
      .send({ username: email, email, password: PASSWORD });
    expect(response.status).toBe(200);
    const auth = { authorization: `Bearer ${response.body.jwt as string}` };
    const owner = {
      id: response.body.user.id as number,
      get: (url: string) => http().get(url).set(auth),
      post: (url: string, data: object) => http().post(url).set(auth).send({ data }),
      put: (url: string, data: object) => http().put(url).set(auth).send({ data }),
    };
    if (Object.keys(profile).length > 0) {
      const changed = await owner.put('/api/profile', profile);
      expect([changed.status, changed.body.error]).toEqual([200, undefined]);
    }
    return owner;
  }
  type Owner = Awaited<ReturnType<typeof signUp>>;

  async function addVehicle(owner: Owner, overrides: object = {}) {
    plate += 1;
    const response = await owner.post('/api/vehicles', {
      makeId: catalog.bajaj,
      modelId: catalog.pulsar,
      year: 2019,
      registrationNumber: `BA ${1 + Math.floor(plate / 9000)} PA ${1000 + (plate % 9000)}`,
      ...overrides,
    });
    expect([response.status, response.body.error]).toEqual([201, undefined]);
    return response.body.data as { id: string; registrationNumber: string };
  }

  /** An article in English (and Nepali when given), published unless said otherwise. */
  async function article(
    slug: string,
    options: { ne?: boolean; tags?: string[]; publish?: boolean; body?: unknown[] } = {},
  ) {
    const created = await documents(NEWS).create({
      locale: 'en',
      data: {
        slug,
        title: `Title ${slug}`,
        summary: `Summary ${slug}`,
        body: options.body ?? [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello' }] }],
        tags: options.tags ?? [],
      },
    });
    if (options.ne) {
      await documents(NEWS).update({
        documentId: created.documentId,
        locale: 'ne',
        data: {
          slug,
          title: `शीर्षक ${slug}`,
          summary: `सारांश ${slug}`,
          tags: options.tags ?? [],
        },
      });
    }
    if (options.publish !== false) {
      await documents(NEWS).publish({ documentId: created.documentId, locale: 'en' });
      if (options.ne)
        await documents(NEWS).publish({ documentId: created.documentId, locale: 'ne' });
    }
    return created.documentId;
  }

  let campaigns = 0;
  async function recall(
    fields: {
      make?: string;
      model?: string | null;
      yearFrom: number;
      yearTo: number;
      severity?: string;
    },
    options: { ne?: boolean; publish?: boolean } = {},
  ) {
    campaigns += 1;
    const shared = {
      campaignId: `TEST-${campaigns}-${randomBytes(2).toString('hex')}`,
      make: fields.make ?? catalog.bajaj,
      model: fields.model === undefined ? catalog.pulsar : fields.model,
      yearFrom: fields.yearFrom,
      yearTo: fields.yearTo,
      severity: fields.severity ?? 'high',
    };
    const created = await documents(RECALL).create({
      locale: 'en',
      data: {
        ...shared,
        title: `Brake hose ${campaigns}`,
        summary: 'May crack',
        remedy: 'Replaced free',
      },
    });
    if (options.ne) {
      await documents(RECALL).update({
        documentId: created.documentId,
        locale: 'ne',
        data: {
          ...shared,
          title: `ब्रेक पाइप ${campaigns}`,
          summary: 'चर्किन सक्छ',
          remedy: 'निःशुल्क फेरिन्छ',
        },
      });
    }
    if (options.publish !== false) {
      await documents(RECALL).publish({ documentId: created.documentId, locale: 'en' });
      await notices().idle();
    }
    return created.documentId;
  }

  const deliveries = async (recallId: string) =>
    (await app.strapi.db
      .connection('reminder_deliveries')
      .where('notice_key', 'like', `recall:${recallId}:%`)
      .select('notice_key', 'owner_id', 'channel', 'locale', 'subject', 'body', 'source')
      .orderBy('delivery_key')) as Array<Record<string, string | number>>;

  const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
    (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        PROXY_HOPS: '1',
        PORTAL_URL: 'https://portal.motorghar.test',
        MAIL_OUTBOX_DIR: mkdtempSync(path.join(tmpdir(), 'mg-news-mail-')),
        REMINDERS_TICK_CRON: '0 0 1 1 *',
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
  });

  afterAll(async () => {
    await notices()?.idle();
    await app?.strapi.destroy();
    await db?.drop();
  });

  describe('news', () => {
    it('lists published articles newest first in keyset pages, with locale fallback and a tag filter', async () => {
      const first = await article('first-news', { ne: true, tags: ['safety'] });
      const second = await article('second-news', { tags: ['ev'] });
      await article('draft-news', { publish: false });
      const third = await article('third-news', { ne: true, tags: ['safety', 'ev'] });

      const en = await http().get('/api/news?limit=2');
      expect(en.status).toBe(200);
      expect(en.body.data.map((item: { id: string }) => item.id)).toEqual([third, second]);
      expect(en.body.data[0]).toEqual({
        id: third,
        slug: 'third-news',
        title: 'Title third-news',
        summary: 'Summary third-news',
        cover: null,
        tags: ['safety', 'ev'],
        publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const next = await http().get(
        `/api/news?limit=2&cursor=${en.body.meta.pagination.nextCursor}`,
      );
      expect(next.body.data.map((item: { id: string }) => item.id)).toEqual([first]);
      expect(next.body.meta.pagination.nextCursor).toBeNull();

      // Nepali where translated, English where not; the draft nowhere.
      const ne = await http().get('/api/news?locale=ne');
      expect(ne.body.data.map((item: { title: string }) => item.title)).toEqual([
        'शीर्षक third-news',
        'Title second-news',
        'शीर्षक first-news',
      ]);
      const safety = await http().get('/api/news?tag=safety');
      expect(safety.body.data.map((item: { id: string }) => item.id)).toEqual([third, first]);

      const bad = await http().get('/api/news?tag=Not%20a%20tag&cursor=forged.x');
      expect(bad.status).toBe(400);
      expect(errorPaths(bad.body).sort()).toEqual(['tag']);
      const forged = await http().get('/api/news?cursor=forged.x');
      expect([forged.status, errorPaths(forged.body)]).toEqual([400, ['cursor']]);
    });

    it('serves one article by slug with sanitised HTML, falls back to English, hides unpublished ones', async () => {
      const slug = 'sanitised-news';
      await article(slug);
      // Strapi refuses a javascript: link on write; one stored anyway (older data, a direct
      // database write) must still not come out.
      await app.strapi.db.query(NEWS).updateMany({
        where: { slug },
        data: {
          body: [
            { type: 'heading', level: 2, children: [{ type: 'text', text: 'Heads up' }] },
            {
              type: 'paragraph',
              children: [
                { type: 'text', text: '<script>alert(1)</script>', bold: true },
                {
                  type: 'link',
                  url: 'javascript:alert(1)',
                  children: [{ type: 'text', text: 'bad' }],
                },
                {
                  type: 'link',
                  url: 'https://example.com/',
                  children: [{ type: 'text', text: 'good' }],
                },
              ],
            },
            { type: 'image', image: { url: 'https://example.com/x.png' } },
          ],
        },
      });
      const found = await http().get(`/api/news/${slug}?locale=ne`);
      expect(found.status).toBe(200);
      expect(found.body.data.title).toBe(`Title ${slug}`);
      expect(found.body.data.body).toBe(
        '<h2>Heads up</h2><p><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>bad<a href="https://example.com/">good</a></p>',
      );
      await article('hidden-news', { publish: false });
      expect((await http().get('/api/news/hidden-news')).status).toBe(404);
      expect((await http().get('/api/news/no-such-news')).status).toBe(404);
      const unpublished = await article('was-public-news');
      expect((await http().get('/api/news/was-public-news')).status).toBe(200);
      await documents(NEWS).unpublish({ documentId: unpublished, locale: 'en' });
      expect((await http().get('/api/news/was-public-news')).status).toBe(404);
    });
  });

  describe('recalls', () => {
    it('matches by make, model and year range, edges included, and refuses bad recalls on write', async () => {
      const owner = await signUp();
      const y2017 = await addVehicle(owner, { year: 2017 });
      const y2018 = await addVehicle(owner, { year: 2018 });
      const y2020 = await addVehicle(owner, { year: 2020 });
      const y2021 = await addVehicle(owner, { year: 2021 });
      const chetak = await addVehicle(owner, { modelId: catalog.chetak, year: 2020 });
      await addVehicle(owner, { makeId: catalog.hyundai, modelId: catalog.creta, year: 2019 });
      const pulsarOnly = await recall({ yearFrom: 2018, yearTo: 2020, severity: 'medium' });
      const wholeMake = await recall({
        model: null,
        yearFrom: 2020,
        yearTo: 2020,
        severity: 'critical',
      });
      await recall({ yearFrom: 2000, yearTo: 2030 }, { publish: false });

      const mine = await owner.get('/api/recalls/mine');
      expect(mine.status).toBe(200);
      const pairs = (mine.body.data as RecallItem[]).map((item) => [
        item.recall.id,
        item.vehicle.id,
      ]);
      expect(pairs).toEqual([
        [wholeMake, y2020.id],
        [wholeMake, chetak.id],
        [pulsarOnly, y2018.id],
        [pulsarOnly, y2020.id],
      ]);
      expect(pairs.flat()).not.toContain(y2017.id);
      expect(pairs.flat()).not.toContain(y2021.id);
      const item = (mine.body.data as RecallItem[])[2];
      expect(item.recall.make).toEqual({ id: catalog.bajaj, name: 'Bajaj' });
      expect(item.recall.model).toEqual({ id: catalog.pulsar, name: 'Pulsar 150' });
      expect(item.vehicle.label).toBe('Bajaj Pulsar 150');
      expect([item.status, item.statusUpdatedAt]).toEqual(['possible', null]);
      const ne = await owner.get(`/api/recalls/mine?locale=ne&vehicle=${chetak.id}`);
      expect((ne.body.data as RecallItem[]).map((row) => row.recall.make.name)).toEqual(['बजाज']);

      // The catalog's names are kept in memory too: a rename shows on the next read, in the
      // recall's model and in the vehicle's label.
      const MODEL = 'api::catalog.model';
      await documents(MODEL).update({
        documentId: catalog.pulsar,
        locale: 'en',
        data: { name: 'Pulsar 150 Neon' },
      });
      try {
        const renamed = (await owner.get(`/api/recalls/mine?vehicle=${y2018.id}`)).body
          .data as RecallItem[];
        expect(renamed.map((row) => [row.recall.model?.name, row.vehicle.label])).toEqual([
          ['Pulsar 150 Neon', 'Bajaj Pulsar 150 Neon'],
        ]);
      } finally {
        await documents(MODEL).update({
          documentId: catalog.pulsar,
          locale: 'en',
          data: { name: 'Pulsar 150' },
        });
      }

      // The published recalls are kept in memory: an editor's unpublish or publish here
      // shows on the next read.
      const recallIds = async () => [
        ...new Set(
          ((await owner.get('/api/recalls/mine')).body.data as RecallItem[]).map(
            (row) => row.recall.id,
          ),
        ),
      ];
      await documents(RECALL).unpublish({ documentId: pulsarOnly, locale: 'en' });
      expect(await recallIds()).toEqual([wholeMake]);
      await documents(RECALL).publish({ documentId: pulsarOnly, locale: 'en' });
      expect(await recallIds()).toEqual([wholeMake, pulsarOnly]);

      // Writes that break a rule are refused, naming the field, and leave nothing behind.
      const refused = async (data: object, field: string) => {
        await expect(
          documents(RECALL).create({
            locale: 'en',
            data: {
              campaignId: `BAD-${randomBytes(3).toString('hex')}`,
              title: 'Bad',
              severity: 'low',
              ...data,
            },
          }),
        ).rejects.toMatchObject({ path: [field] });
      };
      await refused({ make: catalog.bajaj, yearFrom: 2020, yearTo: 2019 }, 'yearTo');
      await refused(
        { make: catalog.hyundai, model: catalog.pulsar, yearFrom: 2019, yearTo: 2019 },
        'model',
      );
      await refused(
        { make: catalog.bajaj, yearFrom: 2019, yearTo: 2019, sourceUrl: 'javascript:alert(1)' },
        'sourceUrl',
      );
      const left = await app.strapi.db.query(RECALL).count({ where: { title: 'Bad' } });
      expect(left).toBe(0);
    });

    it("lets the owner set a status; another owner's vehicle or a recall that does not match is a 404", async () => {
      const owner = await signUp();
      const other = await signUp();
      const vehicle = await addVehicle(owner, { year: 2015 });
      const othersVehicle = await addVehicle(other, { year: 2015 });
      const old = await addVehicle(owner, { year: 2005 });
      const recallId = await recall({ yearFrom: 2014, yearTo: 2016 });

      const set = await owner.put(`/api/recalls/${recallId}/vehicles/${vehicle.id}`, {
        status: 'acknowledged',
      });
      expect([set.status, set.body.data?.status]).toEqual([200, 'acknowledged']);
      expect(set.body.data.statusUpdatedAt).toEqual(expect.any(String));
      const fixed = await owner.put(`/api/recalls/${recallId}/vehicles/${vehicle.id}`, {
        status: 'fixed',
      });
      expect(fixed.body.data.status).toBe('fixed');
      const listed = (await owner.get(`/api/recalls/mine?vehicle=${vehicle.id}`)).body
        .data as RecallItem[];
      expect(listed.map((row) => [row.recall.id, row.status])).toEqual([[recallId, 'fixed']]);

      const bad = await owner.put(`/api/recalls/${recallId}/vehicles/${vehicle.id}`, {
        status: 'done',
      });
      expect([bad.status, errorPaths(bad.body)]).toEqual([400, ['status']]);
      expect(
        (
          await owner.put(`/api/recalls/${recallId}/vehicles/${othersVehicle.id}`, {
            status: 'fixed',
          })
        ).status,
      ).toBe(404);
      expect(
        (await owner.put(`/api/recalls/${recallId}/vehicles/${old.id}`, { status: 'fixed' }))
          .status,
      ).toBe(404);
      expect(
        (await owner.put(`/api/recalls/nope/vehicles/${vehicle.id}`, { status: 'fixed' })).status,
      ).toBe(404);
      expect((await owner.get(`/api/recalls/mine?vehicle=${othersVehicle.id}`)).status).toBe(404);
      expect((await http().get('/api/recalls/mine')).status).toBe(403);
      // The other owner's own view is untouched.
      const theirs = (await other.get('/api/recalls/mine')).body.data as RecallItem[];
      expect(theirs.map((row) => [row.vehicle.id, row.status])).toEqual([
        [othersVehicle.id, 'possible'],
      ]);
    });

    it('notifies every matching vehicle once per channel on publish, in the owner language; re-publishing and the ne publish add none', async () => {
      const english = await signUp();
      const nepali = await signUp({
        preferredLocale: 'ne',
        phone: '9841234567',
        notificationChannels: { sms: true },
      });
      const emailOff = await signUp({ notificationChannels: { email: false } });
      const a = await addVehicle(english, { year: 2011 });
      const b = await addVehicle(english, { year: 2012 });
      const c = await addVehicle(nepali, { year: 2012 });
      await addVehicle(emailOff, { year: 2012 });
      await addVehicle(english, { year: 2013 });
      const recallId = await recall({ yearFrom: 2011, yearTo: 2012 }, { ne: true });

      const rows = await deliveries(recallId);
      expect(rows.map((row) => [row.notice_key, row.owner_id, row.channel, row.locale])).toEqual(
        [
          [`recall:${recallId}:${a.id}`, english.id, 'email', 'en'],
          [`recall:${recallId}:${b.id}`, english.id, 'email', 'en'],
          [`recall:${recallId}:${c.id}`, nepali.id, 'email', 'ne'],
          [`recall:${recallId}:${c.id}`, nepali.id, 'sms', 'ne'],
        ].sort((x, y) => `${x[0]}:${x[2]}`.localeCompare(`${y[0]}:${y[2]}`)),
      );
      expect(rows.every((row) => row.source === 'recalls')).toBe(true);
      const nepaliSms = rows.find((row) => row.channel === 'sms')!;
      expect(nepaliSms.body).toContain('ब्रेक पाइप');
      expect(nepaliSms.body).toContain('https://portal.motorghar.test/ne/recalls');
      expect(rows.find((row) => row.owner_id === english.id)!.subject).toContain('Brake hose');

      await documents(RECALL).publish({ documentId: recallId, locale: 'en' });
      await documents(RECALL).publish({ documentId: recallId, locale: 'ne' });
      await notices().idle();
      expect(await deliveries(recallId)).toHaveLength(4);

      // A vehicle added later shows the recall, with no notice.
      const later = await addVehicle(english, { year: 2012 });
      const mine = (await english.get(`/api/recalls/mine?vehicle=${later.id}`)).body
        .data as RecallItem[];
      expect(mine.map((row) => row.recall.id)).toEqual([recallId]);
      expect(await deliveries(recallId)).toHaveLength(4);
    });

    it('fans 1,000 matching vehicles out in chunks', async () => {
      const owner = await signUp();
      const { tableName } = app.strapi.db.metadata.get('api::vehicle.vehicle');
      const now = new Date();
      const rows = Array.from({ length: 1000 }, (_, index) => ({
        document_id: `bulk${String(index).padStart(6, '0')}${randomBytes(4).toString('hex')}`,
        owner_id: owner.id,
        make_id: catalog.hyundai,
        model_id: catalog.creta,
        year: 2022,
        registration_number: `BA 9 CHA ${index}`,
        registration_key: `BA9CHA${index}`,
        created_at: now,
        updated_at: now,
      }));
      await app.strapi.db.connection.batchInsert(tableName, rows, 500);
      const started = Date.now();
      const recallId = await recall({
        make: catalog.hyundai,
        model: catalog.creta,
        yearFrom: 2022,
        yearTo: 2022,
      });
      const took = Date.now() - started;
      expect(await deliveries(recallId)).toHaveLength(1000);
      console.log(`1,000 matching vehicles: publish and notices queued in ${took} ms`);
      expect(await notices().notify(recallId)).toEqual({ vehicles: 1000, written: 0 });
    });
  });

  describe('CSV import', () => {
    const importer = () =>
      app.strapi.service('api::news.content-import') as {
        run(kind: string, csv: string): Promise<unknown>;
      };

    it('creates the good news rows (drafts or published) and reports every reason of each bad row by line and column', async () => {
      const csv = [
        'slug,title_en,title_ne,summary_en,summary_ne,body_en,body_ne,tags,publish',
        'csv-one,CSV one,सीएसभी एक,Sum,सार,"Para one',
        '',
        'Para two",,safety|ev,yes',
        ',CSV two,,,,,,,no',
        'bad slug,,,,,,,Bad Tag,maybe',
        'csv-one,Duplicate,,,,,,,',
      ].join('\n');
      expect(await importer().run('news', csv)).toEqual({
        kind: 'news',
        created: 2,
        published: 1,
        rejected: [
          {
            line: 6,
            errors: [
              { column: 'title_en', message: 'is required' },
              {
                column: 'slug',
                message: 'must be lower-case letters and digits joined by hyphens',
              },
              { column: 'tags', message: expect.stringContaining('"bad tag"') },
              { column: 'publish', message: 'must be yes or no' },
            ],
          },
          { line: 7, errors: [{ column: 'slug', message: 'slug "csv-one" is already used' }] },
        ],
      });
      const one = await http().get('/api/news/csv-one?locale=ne');
      expect([one.status, one.body.data?.title, one.body.data?.body, one.body.data?.tags]).toEqual([
        200,
        'सीएसभी एक',
        '<p>Para one</p><p>Para two</p>',
        ['safety', 'ev'],
      ]);
      expect((await http().get('/api/news/csv-two')).status).toBe(404);
      expect(await app.strapi.db.query(NEWS).count({ where: { slug: 'csv-two' } })).toBe(1);
      expect(await app.strapi.db.query(NEWS).count({ where: { title: 'Duplicate' } })).toBe(0);
      await expect(importer().run('news', 'title_en,colour\nA,red')).rejects.toMatchObject({
        path: ['file'],
        message: expect.stringContaining('colour'),
      });
    });

    it('imports recalls with make and model by name or slug, and writes nothing of a bad row', async () => {
      const owner = await signUp({ preferredLocale: 'ne' });
      const vehicle = await addVehicle(owner, { year: 2010 });
      const csv = [
        'campaign_id,title_en,title_ne,make,model,year_from,year_to,severity,source_url,publish',
        'CSV-R1,Fuel pump,इन्धन पम्प,Bajaj,pulsar-150,2010,2012,high,https://example.com/r1,yes',
        'CSV-R2,Wrong,,Bajaj,Creta,2012,2010,urgent,ftp://x,',
        'CSV-R3,No make,,Tesla,,20x,2010,low,,',
        'csv-r1,Dup,,bajaj,,2010,2010,low,,',
      ].join('\r\n');
      expect(await importer().run('recalls', csv)).toEqual({
        kind: 'recalls',
        created: 1,
        published: 1,
        rejected: [
          {
            line: 3,
            errors: [
              { column: 'model', message: '"Creta" is not a model of Bajaj' },
              { column: 'severity', message: 'must be one of low, medium, high, critical' },
              { column: 'source_url', message: 'must be an http(s) URL' },
              { column: 'year_to', message: 'must be 2012 (yearFrom) or later' },
            ],
          },
          {
            line: 4,
            errors: [
              { column: 'make', message: '"Tesla" is not a make of the catalog' },
              { column: 'year_from', message: 'must be a year from 1950 to 2100' },
            ],
          },
          { line: 5, errors: [{ column: 'campaign_id', message: '"csv-r1" is already used' }] },
        ],
      });
      await notices().idle();
      const mine = (await owner.get(`/api/recalls/mine?locale=ne&vehicle=${vehicle.id}`)).body
        .data as RecallItem[];
      expect(mine.map((row) => [row.recall.campaignId, row.recall.title])).toEqual([
        ['CSV-R1', 'इन्धन पम्प'],
      ]);
      expect(
        (await deliveries(mine[0].recall.id)).filter((row) => row.owner_id === owner.id),
      ).toEqual([
        expect.objectContaining({
          channel: 'email',
          locale: 'ne',
          subject: expect.stringContaining('इन्धन पम्प'),
        }),
      ]);
      expect(await app.strapi.db.query(RECALL).count({ where: { campaignId: 'CSV-R2' } })).toBe(0);
    });

    it('runs from the admin panel for an admin who may create the content type, and the audit log records the writes', async () => {
      const roles = app.strapi.service('admin::role');
      const makeAdmin = async (email: string, roleId: number) => {
        await app.strapi.service('admin::user').create({
          email,
          password: PASSWORD,
          firstname: 'Import',
          lastname: 'Admin',
          isActive: true,
          registrationToken: null,
          roles: [roleId],
        });
        const login = await http().post('/admin/login').send({ email, password: PASSWORD });
        expect(login.status).toBe(200);
        return { authorization: `Bearer ${login.body.data.token as string}` };
      };
      const superAdmin = await makeAdmin(
        'import-admin@example.com',
        (await roles.getSuperAdmin()).id,
      );
      const nobodyRole = await roles.create({ name: 'No content', description: 'nothing' });
      const nobody = await makeAdmin('import-nobody@example.com', nobodyRole.id);
      const csv = 'slug,title_en,publish\nadmin-import-one,From the admin,yes\n,,\n';
      const log = app.strapi.plugin('audit-log').service('log') as {
        flush(): Promise<void>;
        list(
          filters: object,
          page: number,
          size: number,
        ): Promise<{ results: Array<Record<string, unknown>> }>;
      };

      const refused = await http()
        .post('/content-import/import')
        .set(nobody)
        .send({ kind: 'news', csv });
      expect(refused.status).toBe(403);
      expect((await http().post('/content-import/import').send({ kind: 'news', csv })).status).toBe(
        401,
      );
      const badKind = await http()
        .post('/content-import/import')
        .set(superAdmin)
        .send({ kind: 'cars', csv });
      expect([badKind.status, errorPaths(badKind.body)]).toEqual([400, ['kind']]);

      const done = await http()
        .post('/content-import/import')
        .set(superAdmin)
        .send({ kind: 'news', csv });
      expect([done.status, done.body.data]).toEqual([
        200,
        {
          kind: 'news',
          created: 1,
          published: 1,
          rejected: [{ line: 3, errors: [{ column: 'title_en', message: 'is required' }] }],
        },
      ]);
      expect((await http().get('/api/news/admin-import-one')).status).toBe(200);
      await log.flush();
      const { results } = await log.list({}, 1, 50);
      const documentId = (await http().get('/api/news/admin-import-one')).body.data.id as string;
      const entries = results.filter((entry) => entry.targetDocumentId === documentId);
      expect(
        entries.map((entry) => [entry.action, entry.actorKind, entry.actorName, entry.contentType]),
      ).toEqual(
        expect.arrayContaining([
          ['entry.create', 'admin', 'import-admin@example.com', NEWS],
          ['entry.publish', 'admin', 'import-admin@example.com', NEWS],
        ]),
      );
    });

    it("imports the demo sample content cleanly; one sample recall matches the demo owner's 2019 Pulsar", async () => {
      const news = (await importer().run('news', NEWS_CSV)) as {
        created: number;
        rejected: unknown[];
      };
      const recalls = (await importer().run('recalls', RECALLS_CSV)) as {
        created: number;
        rejected: unknown[];
      };
      expect([news.created, news.rejected, recalls.created, recalls.rejected]).toEqual([
        4,
        [],
        3,
        [],
      ]);
      await notices().idle();
      const owner = await signUp();
      const pulsar = await addVehicle(owner, { year: 2019 });
      const mine = (await owner.get(`/api/recalls/mine?vehicle=${pulsar.id}&locale=ne`)).body
        .data as RecallItem[];
      expect(mine.map((row) => [row.recall.campaignId, row.recall.title])).toContainEqual([
        'SAMPLE-BJ-2026-01',
        '[नमुना] अगाडिको ब्रेक पाइप चर्किन सक्छ',
      ]);
    });
  });
});
