import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, testEnv, type TestDatabase } from './harness';

const run = promisify(execFile);
const script = path.join(__dirname, '..', 'scripts', 'seed-admin.js');

async function seedAdmin(env: Record<string, string | undefined>) {
  try {
    const { stdout, stderr } = await run('node', [script], {
      env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function adminEmails(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT email FROM admin_users ORDER BY id');
    return rows.map((row: { email: string }) => row.email);
  } finally {
    await client.end();
  }
}

describe('npm run seed:admin', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('refuses to run without a password, and with a weak one, naming the problem', async () => {
    const missing = await seedAdmin(
      testEnv({ DATABASE_URL: db.url, ADMIN_EMAIL: 'ops@motorghar.test' }),
    );
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('there is no default admin password');

    const weak = await seedAdmin(
      testEnv({
        DATABASE_URL: db.url,
        ADMIN_EMAIL: 'ops@motorghar.test',
        ADMIN_PASSWORD: 'Password123',
      }),
    );
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('too common');
  });

  it('creates the first Super Admin once; a second run changes nothing', async () => {
    const env = testEnv({
      DATABASE_URL: db.url,
      ADMIN_EMAIL: 'Ops@MotorGhar.test',
      ADMIN_PASSWORD: 'Everest-Base-8848',
    });
    const first = await seedAdmin(env);
    expect(first.output).toContain('created the Super Admin ops@motorghar.test');
    expect(first.code).toBe(0);

    const second = await seedAdmin({ ...env, ADMIN_EMAIL: 'someone@motorghar.test' });
    expect(second.code).toBe(0);
    expect(second.output).toContain('an admin already exists');
    expect(await adminEmails(db.url)).toEqual(['ops@motorghar.test']);
  });
});
