import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

describe('CMS with Redis unreachable and no SMTP configured', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let outbox: string;
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'mg-outbox-'));
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({ DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:1', MAIL_OUTBOX_DIR: outbox }),
    );
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('stays alive on /healthz', async () => {
    expect((await http().get('/healthz')).status).toBe(200);
  });

  it('answers 503 on /readyz naming the cache, with the database still up', async () => {
    const response = await http().get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body.down).toEqual(['cache']);
    expect(response.body.message).toBe('unavailable: cache down');
    expect(response.body.checks.cache).toMatchObject({ status: 'down', kind: 'redis' });
    expect(response.body.checks.database).toMatchObject({ status: 'up', kind: 'postgres' });
    expect(response.body.checks.storage).toMatchObject({ status: 'up', kind: 'local' });
  });

  it('still serves content from the database', async () => {
    const response = await http().get('/api/home-page?locale=en');
    expect(response.status).toBe(200);
    expect(response.body.data.headline).toBe('Welcome to MotorGhar');
  });

  it('writes email to the outbox folder as an .eml file', async () => {
    await app.strapi.plugin('email').service('email').send({
      to: 'owner@example.com',
      subject: 'Bluebook renewal',
      text: 'Your bluebook expires in 30 days.',
    });
    const files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const message = readFileSync(path.join(outbox, files[0]), 'utf8');
    expect(message).toContain('To: owner@example.com');
    expect(message).toContain('Subject: Bluebook renewal');
    expect(message).toContain('Your bluebook expires in 30 days.');
  });

  it('still signs owners up and serves their garage from the database', async () => {
    await seedCatalog(app.strapi, path.join(__dirname, 'fixtures', 'catalog'));
    const makes = (await http().get('/api/catalog/makes')).body.data;
    const bajaj = makes.find((make: { slug: string }) => make.slug === 'bajaj').id;
    const models = (await http().get(`/api/catalog/makes/${bajaj}/models`)).body.data;
    const chetak = models.find((model: { slug: string }) => model.slug === 'chetak').id;
    const email = 'no-redis@example.com';
    const owner = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: 'Langtang-Valley-3870' });
    expect(owner.status).toBe(200);
    const auth = { authorization: `Bearer ${owner.body.jwt}` };

    const added = await http()
      .post('/api/vehicles')
      .set(auth)
      .send({
        data: { makeId: bajaj, modelId: chetak, year: 2022, registrationNumber: 'GA 1 PA 77' },
      });
    expect(added.status).toBe(201);
    const list = await http().get('/api/vehicles').set(auth);
    expect(list.status).toBe(200);
    expect(
      list.body.data.map((vehicle: { registrationNumber: string }) => vehicle.registrationNumber),
    ).toEqual(['GA 1 PA 77']);
  });
});
