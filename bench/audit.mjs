#!/usr/bin/env node
// `npm run bench:audit`: owner write throughput (PUT /api/vehicles/:id) with the audit log on
// and off, in one run, in ABBA order (off, on, on, off per round): a table that grows or a
// machine that warms up over the run weighs on both modes alike, where off-on-off-on always
// ran "on" later. Each server is warmed up (WARMUP seconds, not counted) before it is measured:
// a fresh process's first seconds are its JIT compiling, not its steady state.
// Each owner updates their own vehicle (32 owners, one connection each), so the garage's own
// rules (per-owner limits, uniqueness) are the same in both modes; only auditing differs.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import { summarise } from './profile-summary.mjs';
import { cpuSnapshot, cpuSpent, processLabels, sql, stopProcess, waitFor } from './support.mjs';

const root = path.resolve(import.meta.dirname, '..');

const PORT = Number(process.env.BENCH_PORT ?? 1538);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const OWNERS = 32;
// BENCH_ROUNDS=2 runs off, on, on, off twice.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const ORDER = ['off', 'on', 'on', 'off'];
const PASSWORD = 'Bench-Audit-Password-1';
const database = `mg_bench_audit_${Date.now()}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
const secrets = throwawaySecrets();
// BENCH_PROFILE=1: a CPU profile of the CMS during each measured window (not boot or warm-up),
// summarised per mode at the end.
const PROFILE = process.env.BENCH_PROFILE === '1';
const profileFile = (mode) => path.join(tmpdir(), `bench-audit-${process.pid}-${mode}.cpuprofile`);
const log = (message) => console.log(`[bench:audit] ${message}`);

function startServer(auditEnabled) {
  const profileArgs = PROFILE
    ? ['--import', path.join(import.meta.dirname, 'cpu-profile.mjs')]
    : [];
  return spawn('node', [...profileArgs, path.join(import.meta.dirname, 'server.mjs')], {
    env: {
      BENCH_PROFILE_FILE: profileFile(auditEnabled ? 'on' : 'off'),
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      SERVE_ADMIN_PANEL: 'false',
      DATABASE_URL: dbUrl,
      DATABASE_POOL_MAX: '20',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      CACHE_PREFIX: `${database}:`,
      CATALOG_DATA_DIR: path.join(root, 'cms/tests/fixtures/catalog'),
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      AUDIT_LOG_ENABLED: String(auditEnabled),
      ...secrets,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function api(method, url, body, jwt, address) {
  const response = await fetch(`${BASE}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(jwt ? { authorization: `Bearer ${jwt}` } : {}),
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** 32 owners, each with one vehicle: [{ jwt, vehicleId }]. */
async function prepareOwners() {
  const makes = (await api('GET', '/api/catalog/makes')).data;
  const make = makes.find((item) => item.slug === 'bajaj');
  const models = (await api('GET', `/api/catalog/makes/${make.id}/models`)).data;
  const model = models.find((item) => item.slug === 'pulsar-150');
  const trims = (await api('GET', `/api/catalog/models/${model.id}`)).data.trims;
  const owners = [];
  for (let index = 0; index < OWNERS; index += 1) {
    const email = `audit-bench-${index}@example.com`;
    const address = `198.51.100.${index + 1}`;
    const { jwt } = await api(
      'POST',
      '/api/auth/local/register',
      { username: email, email, password: PASSWORD },
      null,
      address,
    );
    const vehicle = await api(
      'POST',
      '/api/vehicles',
      {
        data: {
          makeId: make.id,
          modelId: model.id,
          trimId: trims[0].id,
          year: 2019,
          registrationNumber: `BA 2 PA ${1000 + index}`,
          nickname: 'Bench',
          fuel: 'petrol',
          odometerKm: 100,
        },
      },
      jwt,
    );
    owners.push({ jwt, vehicleId: vehicle.data.id });
  }
  return owners;
}

async function measure(owners, duration = DURATION) {
  let counter = 0;
  const result = await autocannon({
    url: BASE,
    connections: OWNERS,
    duration,
    requests: [
      {
        setupRequest: (request, context) => {
          const owner = owners[(context.index ??= counter++ % OWNERS)];
          counter += 0;
          return {
            ...request,
            method: 'PUT',
            path: `/api/vehicles/${owner.vehicleId}`,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${owner.jwt}`,
            },
            body: JSON.stringify({
              data: { nickname: `Bench ${Math.random().toString(36).slice(2, 8)}` },
            }),
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors,
  };
}

async function main() {
  execFileSync('npm', ['run', 'compile', '-w', 'cms'], { cwd: root, stdio: 'ignore' });
  await sql(ADMIN_URL, `CREATE DATABASE "${database}"`);
  const results = { on: [], off: [] };
  let owners;
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of ORDER) {
        const server = startServer(mode === 'on');
        try {
          await waitFor(`${BASE}/readyz`);
          owners ??= await prepareOwners();
          // Every window starts from the same table: thousands of updates leave dead row
          // versions that autovacuum clears at moments of its own, which moved a mode's
          // throughput by a third from one window to the next.
          await sql(dbUrl, 'VACUUM (ANALYZE) vehicles');
          if (WARMUP > 0) await measure(owners, WARMUP);
          // Only the first window of each mode is profiled: one profile per mode.
          const profiling = PROFILE && results[mode].length === 0;
          if (profiling) server.kill('SIGUSR2');
          const cpuBefore = await cpuSnapshot();
          const measured = await measure(owners);
          const cpuAfter = await cpuSnapshot();
          if (profiling) {
            server.kill('SIGUSR2');
            await new Promise((resolve) => setTimeout(resolve, 2000));
          }
          const labels = processLabels(
            new Map([
              [server.pid, 'CMS'],
              [process.pid, 'autocannon'],
            ]),
          );
          const requests = measured.rps * DURATION;
          measured.cpu = [...cpuSpent(cpuBefore, cpuAfter, labels)]
            .map(([name, seconds]) => `${name} ${((seconds * 1000) / requests).toFixed(2)}`)
            .join(', ');
          log(
            `audit ${mode}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.failed} failed; CPU ms a request: ${measured.cpu}`,
          );
          results[mode].push(measured);
        } finally {
          await stopProcess(server);
        }
      }
    }
    const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
    const on = mean(results.on, 'rps');
    const off = mean(results.off, 'rps');
    const rows = (await sql(dbUrl, 'SELECT count(*)::int AS n FROM audit_log_entries')).rows[0].n;
    console.log(`
owner writes, PUT /api/vehicles/:id, ${OWNERS} connections, ${ROUNDS * 2} × ${DURATION} s each mode (ABBA)
  audit off  ${off.toFixed(0)} req/s  (p99 ${mean(results.off, 'p99').toFixed(0)} ms)
  audit on   ${on.toFixed(0)} req/s  (p99 ${mean(results.on, 'p99').toFixed(0)} ms)
  cost       ${(((off - on) / off) * 100).toFixed(1)} %  (target: under 10 %)
  entries written while on: ${rows}`);
    if (PROFILE) {
      for (const mode of ['off', 'on']) {
        console.log(`\nCPU profile of the CMS, audit ${mode} (${profileFile(mode)}):`);
        console.log(summarise(JSON.parse(readFileSync(profileFile(mode), 'utf8'))));
      }
    }
  } finally {
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    if (!PROFILE) for (const mode of ['off', 'on']) rmSync(profileFile(mode), { force: true });
  }
}

await main();
