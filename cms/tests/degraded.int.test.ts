import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
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
});
