#!/usr/bin/env node
// `npm run bench:garage`: the garage list under load, against the stock authenticated
// Strapi route on the same machine, in one run. Seeds PostgreSQL with 100,000 vehicles over
// 20,000 owners plus a fleet owner with 5,000, starts the CMS in production mode with Redis,
// and prints req/s and latency from autocannon (32 connections), with the ratios.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import { sql, stopProcess, waitFor } from './support.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'cms', 'package.json'));
const { Client } = require('pg');
const bcrypt = require('bcryptjs');

const PORT = Number(process.env.BENCH_PORT ?? 1537);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const OWNERS = 20_000;
const VEHICLES = 100_000;
const FLEET = 5_000;
const PASSWORD = 'Bench-Owner-Password-1';
/** Issue 9: the cached garage list answers at least ten times the stock baseline's req/s. */
const TARGET_RATIO = 10;

// BENCH_MIDDLEWARE_TIMING=1 adds what each middleware of the chain costs a request (bench/server.mjs).
// BENCH_DATABASE=<name> reuses a database an earlier run kept (BENCH_KEEP=1), so the request
// path can be profiled over and over without seeding again.
const reused = process.env.BENCH_DATABASE;
const database = reused ?? `mg_bench_${Date.now()}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
const serverEnv = {
  ...process.env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(PORT),
  SERVE_ADMIN_PANEL: 'false',
  DATABASE_URL: dbUrl,
  DATABASE_POOL_MAX: '20',
  REDIS_URL,
  CACHE_PREFIX: `${database}:${Date.now()}:`,
  LOG_LEVEL: 'info',
  ...throwawaySecrets(),
};

const log = (message) => console.log(`[bench] ${message}`);

function startServer(extraEnv = {}) {
  const child = spawn('node', [path.join(import.meta.dirname, 'server.mjs')], {
    env: { ...serverEnv, ...extraEnv },
    // The IPC channel: BENCH_MIDDLEWARE_TIMING's figures come back over it.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return child;
}

/** Each middleware's own time per request, from a server started with BENCH_MIDDLEWARE_TIMING. */
function middlewareTiming(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no middleware timing from the CMS')), 10_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.middlewareTiming);
    });
    child.send({ middlewareTiming: true });
  });
}

/**
 * BENCH_MIDDLEWARE_TIMING=1: what each middleware of the chain costs on the owner path, on
 * one connection (so one request's wait is not counted as another's work), for the cached
 * list and for /healthz (the chain with almost nothing behind it).
 */
async function middlewareCosts(jwt) {
  const server = startServer({ BENCH_MIDDLEWARE_TIMING: '1' });
  try {
    await waitFor(`${BASE}/readyz`);
    const rows = [];
    for (const [title, url] of [
      ['cached list', '/api/vehicles?limit=20'],
      ['/healthz', '/healthz'],
    ]) {
      await get(url, jwt);
      await middlewareTiming(server);
      const result = await autocannon({
        url: `${BASE}${url}`,
        connections: 1,
        duration: DURATION,
        headers: { authorization: `Bearer ${jwt}` },
      });
      const timing = await middlewareTiming(server);
      const chain = timing.reduce((sum, row) => sum + row.microseconds, 0);
      rows.push(
        `  ${title}: ${Math.round(result.requests.average)} req/s on 1 connection, p50 ${result.latency.p50} ms; the chain's own time ${chain.toFixed(0)} µs a request:`,
        ...timing
          .filter((row) => row.calls > 0)
          .map(
            (row) =>
              `    ${row.name.padEnd(40)} ${row.microseconds.toFixed(1).padStart(7)} µs  ${((100 * row.microseconds) / chain).toFixed(0).padStart(3)} %`,
          ),
      );
    }
    return rows.join('\n');
  } finally {
    await stopProcess(server);
  }
}

/** Runs `measure` against a CMS started with `extraEnv`, stopping it whatever happens. */
async function withServer(extraEnv, measure) {
  const server = startServer(extraEnv);
  try {
    await waitFor(`${BASE}/readyz`);
    return await measure();
  } finally {
    await stopProcess(server);
  }
}

/** Owners, their role, and vehicles, written in bulk with generate_series. */
async function seed() {
  const hash = bcrypt.hashSync(PASSWORD, 10);
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const role = await client.query("SELECT id FROM up_roles WHERE type = 'authenticated'");
    const models = await client.query(
      `SELECT m.document_id AS model, mk.document_id AS make
         FROM catalog_models m
         JOIN catalog_models_make_lnk l ON l.model_id = m.id
         JOIN catalog_makes mk ON mk.id = l.make_id
        WHERE m.locale = 'en' AND m.year_from <= 2015`,
    );
    const model = models.rows[0];
    await client.query(
      `INSERT INTO up_users (document_id, username, email, provider, password, confirmed, blocked,
                             preferred_locale, notify_by_email, notify_by_sms, created_at, updated_at, published_at)
       SELECT md5(random()::text || g), 'bench-' || g, 'bench-' || g || '@example.com', 'local', $1,
              true, false, 'en', true, false, now(), now(), now()
         FROM generate_series(0, $2::int) g`,
      [hash, OWNERS],
    );
    await client.query(
      `INSERT INTO up_users_role_lnk (user_id, role_id)
       SELECT id, $1 FROM up_users WHERE email LIKE 'bench-%'`,
      [role.rows[0].id],
    );
    const owners = await client.query(
      "SELECT min(id) AS first, max(id) AS last FROM up_users WHERE email LIKE 'bench-%'",
    );
    const first = Number(owners.rows[0].first);
    const fleetOwner = Number(owners.rows[0].last);
    // Every owner gets VEHICLES / OWNERS (5) vehicles; owner #1 is given 20 for the list test.
    await client.query(
      `INSERT INTO vehicles (document_id, owner_id, make_id, model_id, year, registration_number,
                             registration_key, created_at, updated_at, published_at)
       SELECT md5(random()::text || g), $1::int + (g % $2::int), $3, $4, 2016,
              'BA ' || (g / 9000 + 1) || ' PA ' || (g % 9000 + 1),
              'BENCH-' || g, now(), now(), now()
         FROM generate_series(0, $5::int - 1) g`,
      [first, OWNERS, model.make, model.model, VEHICLES],
    );
    await client.query(
      `INSERT INTO vehicles (document_id, owner_id, make_id, model_id, year, registration_number,
                             registration_key, created_at, updated_at, published_at)
       SELECT md5(random()::text || g), $1::int, $2, $3, 2016, 'KO 1 CHA ' || g, 'FLEET-' || g, now(), now(), now()
         FROM generate_series(0, $4::int - 1) g
       UNION ALL
       SELECT md5(random()::text || g), $5::int, $2, $3, 2016, 'JA 1 CHA ' || g, 'LIST-' || g, now(), now(), now()
         FROM generate_series(0, 14) g`,
      [fleetOwner, model.make, model.model, FLEET, first + 1],
    );
    // What autovacuum would have done by the time real data grew this big.
    await client.query('VACUUM ANALYZE');
    return { listOwner: `bench-1@example.com`, fleetOwner: `bench-${OWNERS}@example.com` };
  } finally {
    await client.end();
  }
}

async function login(email) {
  const response = await fetch(`${BASE}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()).jwt;
}

async function get(url, jwt) {
  const response = await fetch(`${BASE}${url}`, { headers: { authorization: `Bearer ${jwt}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function load(title, url, jwt) {
  await get(url, jwt);
  const result = await autocannon({
    url: `${BASE}${url}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { authorization: `Bearer ${jwt}` },
  });
  const failed = result.non2xx + result.errors;
  const row = {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed,
  };
  log(
    `${title}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms${failed ? `, ${failed} failed` : ''}`,
  );
  return row;
}

/** The cursor of page `page` of an owner's list, walking from the first page. */
async function cursorOfPage(jwt, page) {
  let cursor = null;
  for (let index = 1; index < page; index += 1) {
    const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    cursor = (await get(`/api/vehicles?limit=20${query}`, jwt)).meta.pagination.nextCursor;
  }
  return cursor;
}

/**
 * Page 1 and page 250 of the fleet, timed in-process without HTTP or cache: by cursor through
 * the garage service, and by offset as stock Strapi pages (`pagination[page]`, which the
 * Document Service runs as start/limit).
 */
async function inProcessPageTiming(fleetOwnerId, page250Cursor) {
  const { createStrapi } = require('@strapi/strapi');
  Object.assign(process.env, { ...serverEnv, LOG_LEVEL: 'error', GARAGE_CACHE: 'false' });
  const cmsDir = path.join(root, 'cms');
  const strapi = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
  await strapi.load();
  const time = async (run) => {
    const samples = [];
    for (let index = 0; index < 200; index += 1) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[100].toFixed(2), p99: samples[198].toFixed(2) };
  };
  const documents = strapi.documents('api::vehicle.vehicle');
  const page = (number) => () =>
    documents.findMany({
      filters: { ownerId: fleetOwnerId },
      sort: 'id:desc',
      start: (number - 1) * 20,
      limit: 20,
    });
  const vehicles = strapi.service('api::vehicle.vehicles');
  // The route's own path: the page as the JSON text it sends (uncached here: GARAGE_CACHE=false).
  const byCursor = (cursor) => () =>
    vehicles.listJson(fleetOwnerId, { limit: 20, ...(cursor ? { cursor } : {}) }, 'en');
  const result = {
    first: await time(page(1)),
    page250: await time(page(250)),
    cursorFirst: await time(byCursor(null)),
    cursor250: await time(byCursor(page250Cursor)),
  };
  await strapi.destroy();
  return result;
}

async function main() {
  execFileSync('npm', ['run', 'compile', '-w', 'cms'], { cwd: root, stdio: 'ignore' });
  if (!reused) await sql(ADMIN_URL, `CREATE DATABASE "${database}"`);
  let server = startServer({
    SEED_DEMO_DATA: 'true',
    CATALOG_DATA_DIR: path.join(root, 'cms/tests/fixtures/catalog'),
  });
  try {
    await waitFor(`${BASE}/readyz`);
    let owners = { listOwner: 'bench-1@example.com', fleetOwner: `bench-${OWNERS}@example.com` };
    if (!reused) {
      log(`seeding ${OWNERS} owners, ${VEHICLES} vehicles and a fleet of ${FLEET}`);
      const started = Date.now();
      owners = await seed();
      log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    const { listOwner, fleetOwner } = owners;

    const ownerJwt = await login(listOwner);
    const fleetJwt = await login(fleetOwner);
    const fleetId = (await get('/api/users/me', fleetJwt)).id;
    const owned = (await get('/api/vehicles?limit=100', ownerJwt)).data.length;
    log(`list owner has ${owned} vehicles`);

    const cached = await load(
      'GET /api/vehicles?limit=20 (cache on)',
      '/api/vehicles?limit=20',
      ownerJwt,
    );
    const me = await load('GET /api/users/me (this build)', '/api/users/me', ownerJwt);
    const page250Cursor = await cursorOfPage(fleetJwt, 250);
    await stopProcess(server);
    server = null;

    const withCacheOff = await withServer({ GARAGE_CACHE: 'false' }, async () => ({
      uncached: await load(
        'GET /api/vehicles?limit=20 (garage cache off)',
        '/api/vehicles?limit=20',
        ownerJwt,
      ),
      fleetFirst: await load(
        'fleet page 1 by cursor (garage cache off)',
        '/api/vehicles?limit=20',
        fleetJwt,
      ),
      fleet250: await load(
        'fleet page 250 by cursor (garage cache off)',
        `/api/vehicles?limit=20&cursor=${encodeURIComponent(page250Cursor)}`,
        fleetJwt,
      ),
    }));
    const { uncached, fleetFirst, fleet250 } = withCacheOff;
    // The baseline: the same app signing owners in as stock Strapi does.
    const stock = await withServer({ SIGN_IN_CACHE: 'false' }, () =>
      load('GET /api/users/me (stock sign-in, baseline)', '/api/users/me', ownerJwt),
    );

    const costs =
      process.env.BENCH_MIDDLEWARE_TIMING === '1' ? await middlewareCosts(ownerJwt) : null;
    const inProcess = await inProcessPageTiming(fleetId, page250Cursor);
    const ratio = (a, b) => (a / b).toFixed(2);
    console.log(`
Garage list benchmark (${CONNECTIONS} connections, ${DURATION} s each, PostgreSQL + Redis, NODE_ENV=production)
  cached list            ${cached.rps} req/s   p50 ${cached.p50} ms   p99 ${cached.p99} ms
  uncached list          ${uncached.rps} req/s   p50 ${uncached.p50} ms   p99 ${uncached.p99} ms
  stock /api/users/me    ${stock.rps} req/s   p50 ${stock.p50} ms   p99 ${stock.p99} ms   (stock sign-in: the baseline)
  this build /users/me   ${me.rps} req/s   p50 ${me.p50} ms   p99 ${me.p99} ms   (same route, this build's sign-in)
  cached list / stock users/me throughput: ${ratio(cached.rps, stock.rps)}x   (issue 9 target >= ${TARGET_RATIO}x: ${cached.rps / stock.rps >= TARGET_RATIO ? 'met' : 'NOT met'}; p99 < 50 ms: ${cached.p99 < 50 ? 'met' : 'NOT met'})
  cached list / this build's users/me:     ${ratio(cached.rps, me.rps)}x
  fleet of ${FLEET}: page 250 by cursor p50 ${fleet250.p50} ms vs page 1 p50 ${fleetFirst.p50} ms: ${ratio(fleet250.p50 || 1, fleetFirst.p50 || 1)}x (target <= 1.5x)
  in-process, no HTTP, no cache (200 runs each):
    by cursor (garage service):          page 250 p50 ${inProcess.cursor250.p50} ms vs page 1 p50 ${inProcess.cursorFirst.p50} ms: ${ratio(inProcess.cursor250.p50, inProcess.cursorFirst.p50)}x
    stock offset (pagination[page]=250): page 250 p50 ${inProcess.page250.p50} ms vs page 1 p50 ${inProcess.first.p50} ms: ${ratio(inProcess.page250.p50, inProcess.first.p50)}x
    page 250: offset / cursor ${ratio(inProcess.page250.p50, inProcess.cursor250.p50)}x
  failed requests: ${cached.failed + uncached.failed + me.failed + stock.failed + fleetFirst.failed + fleet250.failed}`);
    if (costs) console.log(`\nEach middleware's own time (BENCH_MIDDLEWARE_TIMING=1):\n${costs}`);
  } finally {
    if (server) await stopProcess(server);
    if (process.env.BENCH_KEEP === '1' || reused) log(`kept database ${database}`);
    else await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
