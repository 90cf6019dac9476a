import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
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

const ENTRY = 'plugin::audit-log.entry';
const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const OWNER_PASSWORD = 'Phewa-Lake-Pokhara-822';
const ADMIN = { email: 'audit-admin@example.com', password: 'Audit-Log-Admin-2026' };
const PRUNE_LOCK = 0x4d47_4102;

interface Entry {
  id: number;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  contentType: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  diff: Record<string, { before?: unknown; after?: unknown }> | null;
  ip: string | null;
  userAgent: string | null;
  hash: string;
  prevHash: string;
}

describe('the audit-log plugin', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let env: Record<string, string | undefined>;
  let admin: { authorization: string };
  let adminId: string;
  const http = () => request(app.strapi.server.httpServer);
  const log = () => app.strapi.plugin('audit-log').service('log');

  async function sql(text: string, values: unknown[] = []) {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  /** Every entry written after `mark` (an id), oldest first, once the writer has caught up. */
  async function entriesAfter(mark: number): Promise<Entry[]> {
    await log().flush();
    const { results } = await log().list({}, 1, 100);
    return (results as Entry[]).filter((entry) => entry.id > mark).reverse();
  }
  async function lastId(): Promise<number> {
    await log().flush();
    const { results } = await log().list({}, 1, 1);
    return results[0]?.id ?? 0;
  }

  let ownerCount = 0;
  async function signUpOwner() {
    const email = `audit-owner-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', `198.51.100.${(ownerCount += 1)}`)
      .send({ username: email, email, password: OWNER_PASSWORD });
    expect(response.status).toBe(200);
    return {
      id: String(response.body.user.id),
      documentId: response.body.user.documentId as string,
      email,
      auth: { authorization: `Bearer ${response.body.jwt as string}` },
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    env = testEnv({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PROXY_HOPS: '1' });
    app = await bootStrapi(env);
    await seedCatalog(app.strapi, FIXTURE);
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    const created = await app.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Audit',
      lastname: 'Admin',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    adminId = String(created.id);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
  });

  it('records nothing the app does outside a request (boot provisioning, seeding)', async () => {
    expect(await lastId()).toBe(0);
  });

  describe('admin sign-in', () => {
    it('records a failed sign-in with the address, user agent and tried email, never the password', async () => {
      const mark = await lastId();
      const response = await http()
        .post('/admin/login')
        .set('x-forwarded-for', '203.0.113.77')
        .set('user-agent', 'audit-test/1.0')
        .send({ email: ADMIN.email, password: 'Wrong-Password-123' });
      expect(response.status).toBe(400);
      const rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actorKind: 'admin',
        actorName: ADMIN.email,
        action: 'admin.sign-in-failed',
        ip: '203.0.113.77',
        userAgent: 'audit-test/1.0',
      });
      expect(JSON.stringify(rows[0])).not.toContain('Wrong-Password-123');
    });

    it('records a successful sign-in as the admin, with the address', async () => {
      const mark = await lastId();
      const response = await http()
        .post('/admin/login')
        .set('x-forwarded-for', '203.0.113.78')
        .send(ADMIN);
      expect(response.status).toBe(200);
      admin = { authorization: `Bearer ${response.body.data.token as string}` };
      const rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actorKind: 'admin',
        actorId: adminId,
        actorName: ADMIN.email,
        action: 'admin.sign-in',
        ip: '203.0.113.78',
      });
    });
  });

  describe('content written in the admin panel', () => {
    const base = '/content-manager/collection-types/api::catalog.make';
    let makeId: string;

    it('records a create with the new values', async () => {
      const mark = await lastId();
      const response = await http()
        .post(`${base}?locale=en`)
        .set(admin)
        .send({ slug: 'audit-motors', name: 'Audit Motors', country: 'NP' });
      expect(response.status).toBe(201);
      makeId = response.body.data.documentId;
      const rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actorKind: 'admin',
        actorId: adminId,
        action: 'entry.create',
        contentType: 'api::catalog.make',
        targetDocumentId: makeId,
        targetLocale: 'en',
      });
      expect(rows[0].diff).toMatchObject({
        name: { after: 'Audit Motors' },
        slug: { after: 'audit-motors' },
      });
    });

    it('records an update with only the changed fields, before and after', async () => {
      const mark = await lastId();
      const response = await http()
        .put(`${base}/${makeId}?locale=en`)
        .set(admin)
        .send({ slug: 'audit-motors', name: 'Audit Motors Nepal', country: 'NP' });
      expect(response.status).toBe(200);
      const rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'entry.update', targetDocumentId: makeId });
      expect(rows[0].diff).toEqual({
        name: { before: 'Audit Motors', after: 'Audit Motors Nepal' },
      });
    });

    it('records a delete with the values that were removed', async () => {
      const mark = await lastId();
      const response = await http().delete(`${base}/${makeId}?locale=en`).set(admin);
      expect(response.status).toBe(200);
      const rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'entry.delete', targetDocumentId: makeId });
      expect(rows[0].diff).toMatchObject({ name: { before: 'Audit Motors Nepal' } });
    });
  });

  describe('media', () => {
    it('records an upload and a removal', async () => {
      const mark = await lastId();
      const png = await sharp({
        create: { width: 8, height: 8, channels: 3, background: '#c00' },
      })
        .png()
        .toBuffer();
      const upload = await http()
        .post('/upload')
        .set(admin)
        .attach('files', png, { filename: 'audit.png', contentType: 'image/png' });
      expect(upload.status).toBe(201);
      const fileId = upload.body[0].id;
      const removal = await http().delete(`/upload/files/${fileId}`).set(admin);
      expect(removal.status).toBe(200);
      const rows = await entriesAfter(mark);
      expect(rows.map((row) => row.action)).toEqual(['media.upload', 'media.remove']);
      expect(rows[0]).toMatchObject({ actorKind: 'admin', contentType: 'plugin::upload.file' });
      expect(rows[0].diff).toMatchObject({ name: { after: 'audit.png' } });
      expect(rows[1].diff).toMatchObject({ name: { before: 'audit.png' } });
    });
  });

  describe('admin users, roles and permissions', () => {
    let roleId: number;

    it('records a role created and one permission given to it', async () => {
      let mark = await lastId();
      const role = await http()
        .post('/admin/roles')
        .set(admin)
        .send({ name: 'Auditors', description: 'read the catalog' });
      expect(role.status).toBe(201);
      roleId = role.body.data.id;
      let rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'admin-role.create', contentType: 'admin::role' });
      expect(rows[0].diff).toMatchObject({ name: { after: 'Auditors' } });

      mark = await lastId();
      const permissions = await http()
        .put(`/admin/roles/${roleId}/permissions`)
        .set(admin)
        .send({
          permissions: [
            {
              action: 'plugin::content-manager.explorer.read',
              subject: 'api::catalog.make',
              properties: { fields: ['slug', 'name', 'country'], locales: ['en'] },
              conditions: [],
            },
          ],
        });
      expect(permissions.status).toBe(200);
      rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'admin-permission.create',
        contentType: 'admin::permission',
      });
      expect(rows[0].diff).toMatchObject({
        action: { after: 'plugin::content-manager.explorer.read' },
        subject: { after: 'api::catalog.make' },
      });
    });

    it('records an admin user invited and changed, with the password and tokens masked', async () => {
      let mark = await lastId();
      const invited = await http()
        .post('/admin/users')
        .set(admin)
        .send({
          firstname: 'Sita',
          lastname: 'Auditor',
          email: 'sita@example.com',
          roles: [roleId],
        });
      expect(invited.status).toBe(201);
      const userId = invited.body.data.id;
      const registrationToken = invited.body.data.registrationToken as string;
      let rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'admin-user.create',
        targetDocumentId: expect.any(String),
      });
      expect(rows[0].diff).toMatchObject({ email: { after: 'sita@example.com' } });
      expect(JSON.stringify(rows[0])).not.toContain(registrationToken);

      mark = await lastId();
      const changed = await http()
        .put(`/admin/users/${userId}`)
        .set(admin)
        .send({ firstname: 'Sita Devi', password: 'Brand-New-Password-42', isActive: true });
      expect(changed.status).toBe(200);
      rows = await entriesAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'admin-user.update' });
      expect(rows[0].diff).toMatchObject({
        firstname: { before: 'Sita', after: 'Sita Devi' },
        password: { before: '[masked]', after: '[masked]' },
      });
      const stored = JSON.stringify(rows[0]);
      expect(stored).not.toContain('Brand-New-Password-42');
      expect(stored).not.toMatch(/\$2[aby]\$/);
    });
  });

  describe('owners', () => {
    it("records the owner's own writes with the owner as actor", async () => {
      const owner = await signUpOwner();
      const makes = (await http().get('/api/catalog/makes')).body.data as Array<{
        id: string;
        slug: string;
      }>;
      const bajaj = makes.find((make) => make.slug === 'bajaj')!.id;
      const models = (await http().get(`/api/catalog/makes/${bajaj}/models`)).body.data;
      const pulsar = models.find((model: { slug: string }) => model.slug === 'pulsar-150').id;
      const trims = (await http().get(`/api/catalog/models/${pulsar}`)).body.data.trims;
      const created = await http()
        .post('/api/vehicles')
        .set(owner.auth)
        .send({
          data: {
            makeId: bajaj,
            modelId: pulsar,
            trimId: trims[0].id,
            year: 2019,
            registrationNumber: 'BA 1 PA 4321',
            nickname: 'Rato Pulsar',
            fuel: 'petrol',
            odometerKm: 100,
          },
        });
      expect(created.status).toBe(201);
      const vehicleId = created.body.data.id as string;

      const mark = await lastId();
      const updated = await http()
        .put(`/api/vehicles/${vehicleId}`)
        .set(owner.auth)
        .set('x-forwarded-for', '198.51.100.200')
        .send({ data: { nickname: 'Kalo Pulsar' } });
      expect(updated.status).toBe(200);
      const rows = await entriesAfter(mark);
      const update = rows.filter((row) => row.contentType === 'api::vehicle.vehicle');
      expect(update).toHaveLength(1);
      expect(update[0]).toMatchObject({
        actorKind: 'owner',
        actorId: owner.id,
        actorName: owner.email,
        action: 'entry.update',
        targetDocumentId: vehicleId,
        ip: '198.51.100.200',
      });
      expect(update[0].diff).toEqual({ nickname: { before: 'Rato Pulsar', after: 'Kalo Pulsar' } });

      const history = await log().list({ contentType: 'api::vehicle.vehicle' }, 1, 100);
      expect(
        (history.results as Entry[])
          .filter((row) => row.targetDocumentId === vehicleId)
          .map((row) => row.action),
      ).toEqual(['entry.update', 'entry.create']);
    });

    it('records an owner blocked and unblocked by an admin', async () => {
      const owner = await signUpOwner();
      const base = '/content-manager/collection-types/plugin::users-permissions.user';
      for (const [blocked, action] of [
        [true, 'owner.block'],
        [false, 'owner.unblock'],
      ] as const) {
        const mark = await lastId();
        const response = await http()
          .put(`${base}/${owner.documentId}`)
          .set(admin)
          .send({ blocked });
        expect(response.status).toBe(200);
        const rows = await entriesAfter(mark);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          actorKind: 'admin',
          action,
          contentType: 'plugin::users-permissions.user',
          targetDocumentId: owner.documentId,
        });
        expect(rows[0].diff).toMatchObject({ blocked: { before: !blocked, after: blocked } });
        expect(JSON.stringify(rows[0])).not.toMatch(/\$2[aby]\$/);
      }
    });
  });

  describe('append-only', () => {
    it('refuses changes and deletes through the Document Service and the query engine', async () => {
      const [first] = (await log().list({}, 1, 1)).results as Entry[];
      const row = await app.strapi.db.query(ENTRY).findOne({ where: { id: first.id } });
      await expect(
        app.strapi
          .documents(ENTRY as never)
          .update({ documentId: row.documentId, data: { action: 'x' } } as never),
      ).rejects.toThrow(/cannot be changed or deleted/);
      await expect(
        app.strapi.documents(ENTRY as never).delete({ documentId: row.documentId } as never),
      ).rejects.toThrow(/cannot be changed or deleted/);
      await expect(
        app.strapi.db.query(ENTRY).update({ where: { id: first.id }, data: { action: 'x' } }),
      ).rejects.toThrow(/cannot be changed or deleted/);
      await expect(app.strapi.db.query(ENTRY).deleteMany({ where: {} })).rejects.toThrow(
        /cannot be changed or deleted/,
      );
      expect((await log().findOne(first.id))?.action).toBe(first.action);
    });

    it('offers no route that changes or deletes an entry, to an admin or the public', async () => {
      const [first] = (await log().list({}, 1, 1)).results as Entry[];
      const row = await app.strapi.db.query(ENTRY).findOne({ where: { id: first.id } });
      const attempts = [
        () => http().put(`/audit-log/entries/${first.id}`).set(admin).send({ action: 'x' }),
        () => http().delete(`/audit-log/entries/${first.id}`).set(admin),
        () => http().post('/audit-log/entries').set(admin).send({ action: 'x' }),
        () =>
          http()
            .put(`/content-manager/collection-types/${ENTRY}/${row.documentId}`)
            .set(admin)
            .send({ action: 'x' }),
        () =>
          http().delete(`/content-manager/collection-types/${ENTRY}/${row.documentId}`).set(admin),
        () =>
          http()
            .post(`/content-manager/collection-types/${ENTRY}`)
            .set(admin)
            .send({ action: 'x' }),
        () => http().delete(`/api/audit-log/entries/${first.id}`),
        () =>
          http()
            .put(`/api/audit-log/entries/${first.id}`)
            .send({ data: { action: 'x' } }),
      ];
      for (const attempt of attempts) {
        const response = await attempt();
        expect(response.status).toBeGreaterThanOrEqual(400);
      }
      await log().flush();
      expect((await log().findOne(first.id))?.action).toBe(first.action);
      expect(await app.strapi.db.query(ENTRY).count({ where: { action: 'x' } })).toBe(0);
    });
  });

  describe('the admin API of the audit page', () => {
    it('lists entries newest first with filters, one entry, and a CSV export of the filtered ones', async () => {
      const list = await http()
        .get('/audit-log/entries')
        .query({ action: 'entry.update', contentType: 'api::catalog.make' })
        .set(admin);
      expect(list.status).toBe(200);
      expect(list.body.results).toHaveLength(1);
      expect(list.body.results[0].diff.name.after).toBe('Audit Motors Nepal');

      const byActor = await http()
        .get('/audit-log/entries')
        .query({ actor: 'AUDIT-ADMIN@' })
        .set(admin);
      const ids = byActor.body.results.map((row: Entry) => row.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(byActor.body.results.every((row: Entry) => row.actorName === ADMIN.email)).toBe(true);

      const future = await http()
        .get('/audit-log/entries')
        .query({ from: '2999-01-01' })
        .set(admin);
      expect(future.body.results).toEqual([]);

      const one = await http().get(`/audit-log/entries/${list.body.results[0].id}`).set(admin);
      expect(one.body.data).toMatchObject({ action: 'entry.update' });

      const csv = await http()
        .get('/audit-log/entries/export')
        .query({ contentType: 'api::catalog.make' })
        .set(admin);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,createdAt,actorKind/);
      expect(lines.slice(1).map((line) => line.split(',')[5])).toEqual([
        '"entry.delete"',
        '"entry.update"',
        '"entry.create"',
      ]);
    });

    it('answers 400 naming a bad filter, 401 without a token and 403 to an admin without the permission', async () => {
      const bad = await http().get('/audit-log/entries').query({ from: 'last tuesday' }).set(admin);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^from /);
      expect((await http().get('/audit-log/entries')).status).toBe(401);

      const editor = await app.strapi.service('admin::role').findOne({ code: 'strapi-editor' });
      await app.strapi.service('admin::user').create({
        email: 'editor@example.com',
        password: 'Editor-Password-2026',
        firstname: 'Ed',
        lastname: 'Itor',
        isActive: true,
        registrationToken: null,
        roles: [editor.id],
      });
      const login = await http()
        .post('/admin/login')
        .send({ email: 'editor@example.com', password: 'Editor-Password-2026' });
      const token = { authorization: `Bearer ${login.body.data.token as string}` };
      expect((await http().get('/audit-log/entries').set(token)).status).toBe(403);
      expect((await http().get('/audit-log/entries/export').set(token)).status).toBe(403);
    });
  });

  describe('the hash chain', () => {
    it('stays one chain when many writes land at once', async () => {
      const writer = log().writer;
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          app.strapi.db.connection.transaction((trx) =>
            writer.appendNow(trx, [
              {
                actorKind: 'system',
                actorId: null,
                actorName: `parallel-${index}`,
                action: 'test.parallel',
                contentType: null,
                targetDocumentId: null,
                targetLocale: null,
                diff: null,
                ip: null,
                userAgent: null,
              },
            ]),
          ),
        ),
      );
      expect(await log().verify()).toEqual({ ok: true, rows: expect.any(Number) });
    });

    it('audit:verify passes on an untouched chain and names the row edited in the database', async () => {
      const run = promisify(execFile);
      const cli = () =>
        run('node', [path.join(__dirname, '..', 'scripts', 'audit-verify.js')], {
          env: { ...process.env, ...env, LOG_LEVEL: 'error' },
        });
      const total = (await log().verify()).rows;
      const intact = await cli();
      expect(intact.stdout).toContain(`chain intact: ${total} rows`);

      const { rows } = await sql(
        "SELECT id FROM audit_log_entries WHERE action = 'entry.update' ORDER BY id LIMIT 1",
      );
      const edited = rows[0].id as number;
      await sql(
        'UPDATE audit_log_entries SET diff = \'{"name":{"after":"Innocent"}}\' WHERE id = $1',
        [edited],
      );
      expect(await log().verify()).toMatchObject({ ok: false, brokenAt: edited });
      const broken = await cli().then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`chain broken at row ${edited}`);
    }, 120_000);
  });

  describe('retention', () => {
    it('prunes expired rows, records the pruning, and the chain still verifies', async () => {
      // The chain was broken on purpose above; a fresh start for this test.
      await sql('TRUNCATE audit_log_entries');
      for (let index = 0; index < 5; index += 1) {
        await log().record({
          actorKind: 'system',
          actorId: null,
          actorName: 'retention-test',
          action: 'test.old',
          contentType: null,
          targetDocumentId: null,
          targetLocale: null,
          diff: { index },
          ip: null,
          userAgent: null,
          createdAt: new Date(Date.now() - (400 - index) * 86_400_000).toISOString(),
        });
      }
      await log().record({
        actorKind: 'system',
        actorId: null,
        actorName: 'retention-test',
        action: 'test.recent',
        contentType: null,
        targetDocumentId: null,
        targetLocale: null,
        diff: null,
        ip: null,
        userAgent: null,
      });
      await log().flush();

      const result = await log().prune();
      expect(result).toMatchObject({ pruned: 5 });
      const remaining = ((await log().list({}, 1, 100)).results as Entry[]).map(
        (row) => row.action,
      );
      expect(remaining).toEqual(['audit.prune', 'test.recent']);
      const [prune] = (await log().list({ action: 'audit.prune' }, 1, 1)).results as Entry[];
      expect(prune).toMatchObject({ actorKind: 'system', actorName: 'retention' });
      expect(prune.diff).toMatchObject({ pruned: 5, retentionDays: 365 });
      expect(await log().verify()).toEqual({ ok: true, rows: 2 });
    });

    it('skips while another instance holds the prune lock', async () => {
      const holder = new Client({ connectionString: db.url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [PRUNE_LOCK]);
        expect(await log().prune()).toEqual({ skipped: 'another instance is pruning' });
      } finally {
        await holder.end();
      }
    });

    it('is scheduled as a Strapi cron job', () => {
      const names = (app.strapi.cron.jobs as Array<{ name: string }>).map((job) => job.name);
      expect(names).toContain('audit-log.prune');
    });
  });
});
