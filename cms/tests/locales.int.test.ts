import path from 'node:path';
import request from 'supertest';
import { bootStrapi, createTestDatabase, testEnv, type TestDatabase } from './harness';

describe('boot-time seeding', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('leaves exactly the locales en and ne, one home page per locale and one of each demo account and one demo garage, however often it boots', async () => {
    const env = testEnv({
      DATABASE_URL: db.url,
      SEED_DEMO_DATA: 'true',
      CATALOG_DATA_DIR: path.join(__dirname, 'fixtures', 'catalog'),
      ADMIN_EMAIL: 'Admin@MotorGhar.test',
      ADMIN_PASSWORD: 'Admin-Password-2026',
      DEMO_OWNER_EMAIL: 'owner@motorghar.test',
      DEMO_OWNER_PASSWORD: 'Owner-Password-2026',
    });
    for (let boot = 1; boot <= 2; boot += 1) {
      const { strapi } = await bootStrapi(env);
      try {
        const locales = await strapi.plugin('i18n').service('locales').find();
        expect(locales.map((locale: { code: string }) => locale.code).sort()).toEqual(['en', 'ne']);
        const pages = await strapi.db.query('api::home-page.home-page').findMany({});
        expect(pages.map((page: { locale: string }) => page.locale).sort()).toEqual(['en', 'ne']);
        const admins = await strapi.db.query('admin::user').findMany({});
        expect(admins.map((admin: { email: string }) => admin.email)).toEqual([
          'admin@motorghar.test',
        ]);
        expect(await strapi.db.query('plugin::users-permissions.user').count({})).toBe(1);
        expect(await strapi.db.query('api::catalog.make').count({ where: { locale: 'en' } })).toBe(
          2,
        );
        const editor = await strapi.db
          .query('admin::role')
          .findOne({ where: { code: 'strapi-editor' }, populate: ['permissions'] });
        const permissions = editor.permissions as Array<{
          action: string;
          subject: string | null;
          properties: { locales?: string[] };
        }>;
        const subjects = [...new Set(permissions.map((permission) => permission.subject))];
        expect(subjects.sort()).toEqual(
          [
            'api::home-page.home-page',
            'api::news.news',
            'api::news.recall',
            'api::service-center.service-center',
            'api::catalog.make',
            'api::catalog.model',
            null,
          ].sort(),
        );
        // The catalog only to read: the relation pickers of recalls and service centers list
        // makes and models by name (the Content Manager shows a target's name only to an admin
        // who may read it); editors change none of it.
        for (const subject of ['api::catalog.make', 'api::catalog.model']) {
          expect(
            permissions
              .filter((permission) => permission.subject === subject)
              .map((permission) => permission.action),
          ).toEqual(['plugin::content-manager.explorer.read']);
        }
        expect(subjects).not.toContain('api::vehicle.vehicle');
        expect(subjects).not.toContain('plugin::users-permissions.user');
        expect(permissions.map((permission) => permission.action)).toEqual(
          expect.arrayContaining([
            'plugin::content-manager.explorer.update',
            'plugin::content-manager.explorer.publish',
            'plugin::upload.assets.create',
          ]),
        );
        const update = permissions.find(
          (permission) => permission.action === 'plugin::content-manager.explorer.update',
        );
        expect(update?.properties.locales?.sort()).toEqual(['en', 'ne']);
        const adminRoles = await strapi.db.query('admin::role').findMany({});
        expect(adminRoles.map((role: { name: string }) => role.name)).toEqual(
          expect.arrayContaining(['Super Admin', 'Editor']),
        );

        const http = request(strapi.server.httpServer);
        const owner = await http
          .post('/api/auth/local')
          .send({ identifier: 'owner@motorghar.test', password: 'Owner-Password-2026' });
        expect(owner.status).toBe(200);
        expect(owner.body.jwt).toEqual(expect.any(String));
        // The demo owner's garage is filled once, when the owner is made.
        const garage = await http
          .get('/api/vehicles')
          .set('authorization', `Bearer ${owner.body.jwt as string}`);
        expect(garage.status).toBe(200);
        expect(
          garage.body.data.map((vehicle: { nickname: string; odometerKm: number }) => [
            vehicle.nickname,
            vehicle.odometerKm,
          ]),
        ).toEqual([
          ['Family Creta', 31800],
          ['Rato Pulsar', 18250],
        ]);
        expect(await strapi.db.query('api::vehicle.odometer-reading').count({})).toBe(7);
        expect(await strapi.db.query('api::vehicle.vehicle-note').count({})).toBe(2);
        const admin = await http
          .post('/admin/login')
          .send({ email: 'admin@motorghar.test', password: 'Admin-Password-2026' });
        expect(admin.status).toBe(200);
      } finally {
        await strapi.destroy();
      }
    }
  });
});
