#!/usr/bin/env node
// `npm run bench:audit`: owner write throughput (PUT /api/vehicles/:id) with the audit log on
// and off, in one run, alternating (off, on, off, on) so drift on a shared machine hits both.
// Each owner updates their own vehicle (32 owners, one connection each), so the garage's own
// rules (per-owner limits, uniqueness) are the same in both modes; only auditing differs.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import { sql, stopProcess, waitFor } from './support.mjs';

const root = path.resolve(import.meta.dirname, '..');

const PORT = Number(process.env.BENCH_PORT ?? 1538);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const OWNERS = 32;
const ROUNDS = 2;
const PASSWORD = 'Bench-Audit-Password-1';
const database = `mg_bench_audit_${Date.now()}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
const secrets = throwawaySecrets();
const log = (message) => console.log(`[bench:audit] ${message}`);

function startServer(auditEnabled) {
  return spawn('node', [path.join(import.meta.dirname, 'server.mjs')], {
    env: {
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

async function measure(owners) {
  let counter = 0;
  const result = await autocannon({
    url: BASE,
    connections: OWNERS,
    duration: DURATION,
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
      for (const mode of ['off', 'on']) {
        const server = startServer(mode === 'on');
        try {
          await waitFor(`${BASE}/readyz`);
          owners ??= await prepareOwners();
          const measured = await measure(owners);
          log(
            `audit ${mode}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.failed} failed`,
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
owner writes, PUT /api/vehicles/:id, ${OWNERS} connections, ${ROUNDS} × ${DURATION} s each
  audit off  ${off.toFixed(0)} req/s  (p99 ${mean(results.off, 'p99').toFixed(0)} ms)
  audit on   ${on.toFixed(0)} req/s  (p99 ${mean(results.on, 'p99').toFixed(0)} ms)
  cost       ${(((off - on) / off) * 100).toFixed(1)} %  (target: under 10 %)
  entries written while on: ${rows}`);
  } finally {
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

await main();
