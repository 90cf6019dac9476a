import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createStrapi, type Core } from '@strapi/strapi';
import { winston } from '@strapi/logger';
import request from 'supertest';
import { Client } from 'pg';
import { ENV_VARIABLES, RETIRED_VARIABLES } from '../src/lib/env';
import { throwawaySecrets } from '../scripts/throwaway-secrets';

const appDir = path.resolve(__dirname, '..');

/** Where tests create and drop their own databases; never one they did not create. */
const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const secret = () => randomBytes(24).toString('base64url');

/** A complete, valid environment for a test boot; overrides win. */
export function testEnv(overrides: Record<string, string | undefined> = {}) {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    SERVE_ADMIN_PANEL: 'false',
    LOG_LEVEL: 'info',
    ...throwawaySecrets(),
    CACHE_PREFIX: `mg-test:${secret()}:`,
    // Private files (the document vault) of a test run, never in cms/private.
    PRIVATE_FILES_DIR: path.join(tmpdir(), `mg-private-${secret()}`),
    ...overrides,
  };
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty PostgreSQL database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `mg_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface BootedStrapi {
  strapi: Core.Strapi;
  /** Every log line written since boot, parsed. */
  logLines(): Array<Record<string, unknown>>;
  /** Every log line written since boot, raw. */
  rawLog(): string;
}

/** Boots the compiled CMS (run `tsc` first) with exactly `env` as its configuration. */
export async function bootStrapi(env: Record<string, string | undefined>): Promise<BootedStrapi> {
  // Retired names too: one left by an earlier boot in this process would refuse this one.
  for (const name of [...ENV_VARIABLES, ...Object.keys(RETIRED_VARIABLES)])
    delete process.env[name];
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) process.env[name] = value;
  }
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  let raw = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
  });
  // Tests read the log from this stream rather than the console.
  strapi.log.clear();
  strapi.log.add(new winston.transports.Stream({ stream }));
  await strapi.load();
  await strapi.server.mount();
  return {
    strapi,
    rawLog: () => raw,
    logLines: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The API ids of a make and one of its models in the seeded catalog, found by slug. */
export async function catalogIds(
  strapi: Core.Strapi,
  makeSlug: string,
  modelSlug: string,
): Promise<{ make: string; model: string }> {
  const http = () => request(strapi.server.httpServer);
  const bySlug = (rows: Array<{ id: string; slug: string }>, slug: string) =>
    rows.find((row) => row.slug === slug)!.id;
  const make = bySlug((await http().get('/api/catalog/makes')).body.data, makeSlug);
  const models = (await http().get(`/api/catalog/makes/${make}/models`)).body.data;
  return { make, model: bySlug(models, modelSlug) };
}
