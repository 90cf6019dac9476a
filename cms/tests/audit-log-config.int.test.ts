import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ENV_VARIABLES, RETIRED_VARIABLES } from '../src/lib/env';
import { createTestDatabase, testEnv, type TestDatabase } from './harness';

const run = promisify(execFile);
const appDir = path.resolve(__dirname, '..');

// Boots the compiled CMS in a process of its own: a boot that fails half-way leaves Strapi's
// other loaders importing files in the background, which must not outlive this test file.
const BOOT = `
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const appDir = process.cwd();
createStrapi({ appDir, distDir: path.join(appDir, 'dist') })
  .load()
  .then(() => { console.log('booted'); process.exit(0); })
  .catch((error) => { console.error(error.message); process.exit(1); });
`;

/** The boot's exit code and what it printed, with exactly `env` as the CMS's settings. */
async function boot(env: Record<string, string | undefined>) {
  const inherited = { ...process.env };
  for (const name of [...ENV_VARIABLES, ...Object.keys(RETIRED_VARIABLES)]) delete inherited[name];
  try {
    const { stdout, stderr } = await run(process.execPath, ['-e', BOOT], {
      cwd: appDir,
      env: { ...inherited, ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the audit-log plugin configuration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([['-5'], ['1.5'], ['40000']])(
    'refuses to boot with AUDIT_LOG_RETENTION_DAYS=%s, naming the plugin and the setting',
    async (value) => {
      const { code, output } = await boot(
        testEnv({ DATABASE_URL: db.url, AUDIT_LOG_RETENTION_DAYS: value }),
      );
      expect(code).toBe(1);
      expect(output).toMatch(
        /Error regarding audit-log config: retentionDays must be a whole number/,
      );
    },
  );

  it('refuses to boot with a retention that is not a number, naming the variable', async () => {
    const { code, output } = await boot(
      testEnv({ DATABASE_URL: db.url, AUDIT_LOG_RETENTION_DAYS: 'a year' }),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/AUDIT_LOG_RETENTION_DAYS/);
  });

  it('boots with a valid retention, so the refusals above are about the value', async () => {
    const { code, output } = await boot(
      testEnv({ DATABASE_URL: db.url, AUDIT_LOG_RETENTION_DAYS: '30' }),
    );
    expect(output).toContain('booted');
    expect(code).toBe(0);
  });
});
