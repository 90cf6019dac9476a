#!/usr/bin/env node
// `npm run bench:portal`: the owner portal under load beside a bare Astro 5 page, in one run.
// Builds the portal (production) and a bare Astro 5 node app that renders a 20-item list
// (in .tmp/, from the portal's own node_modules), starts the CMS in production mode on
// PostgreSQL + Redis with the demo data (the demo owner given 20 vehicles), signs the demo
// owner in through the portal's login form, and prints req/s, p50 and p99 from autocannon
// (32 connections) for the bare page, /healthz, the home page in both languages and the
// signed-in garage page, with the ratios to the bare page. Then it loads every public page
// in both languages in Chromium at a phone viewport (throttled like Lighthouse's mobile
// profile) and prints their cumulative layout shift and LCP.
//
// BENCH_COMPARE=<git ref> also builds the portal as it was at that ref and measures it row by
// row beside this one (before/after in one run). BENCH_PROFILE=1 CPU-profiles this portal
// during its rows only (bench/cpu-profile.mjs) and prints where the time went.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import { summarise } from './profile-summary.mjs';
import { sql, stopProcess, waitFor } from './support.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'cms', 'package.json'));
const { Client } = require('pg');

const CMS_PORT = Number(process.env.BENCH_CMS_PORT ?? 1637);
const PORTAL_PORT = Number(process.env.BENCH_PORTAL_PORT ?? 4621);
const BEFORE_PORT = PORTAL_PORT + 1;
const BARE_PORT = PORTAL_PORT + 2;
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const COMPARE = process.env.BENCH_COMPARE;
const PROFILE = process.env.BENCH_PROFILE === '1';
const SKIP_CLS = process.env.BENCH_CLS === '0';
const OWNER_EMAIL = 'bench-owner@motorghar.local';
const OWNER_PASSWORD = 'Bench-Owner-Password-1';
const GARAGE_VEHICLES = 20;
const TARGETS = { garage: 500, home: 800, p99: 100 };

const runId = `${Date.now()}`;
const database = `mg_bench_portal_${runId}`;
const tmp = path.join(root, '.tmp', `bench-portal-${runId}`);
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();

const log = (message) => console.log(`[bench] ${message}`);
const children = [];

function run(command, args, cwd = root) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

function start(args, env, cwd = root) {
  const child = spawn('node', args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

/** A bare Astro 5 node app (same adapter, same node_modules) rendering a 20-item list. */
function writeBareApp(dir) {
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-bare-astro', private: true, type: 'module' }),
  );
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'server', adapter: node({ mode: 'standalone' }) });
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'index.astro'),
    `---
const items = Array.from({ length: 20 }, (_, index) => ({ id: index + 1, name: \`Vehicle \${index + 1}\` }));
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Bare</title></head>
  <body>
    <h1>Garage</h1>
    <ul>{items.map((item) => <li><a href={\`/garage/\${item.id}\`}>{item.name}</a></li>)}</ul>
  </body>
</html>
`,
  );
}

/** The storefront as it was at `ref`, extracted beside this one so it finds the same modules. */
function extractStorefront(ref, dir) {
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', ref, 'storefront'], {
    cwd: root,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return path.join(dir, 'storefront');
}

function buildAstro(dir) {
  run(path.join(root, 'node_modules', '.bin', 'astro'), ['build', '--silent'], dir);
}

function startPortal(dir, port, extraArgs = [], extraEnv = {}) {
  return start(
    [
      '--import',
      path.join(dir, 'peer-address.mjs'),
      ...extraArgs,
      path.join(dir, 'dist', 'server', 'entry.mjs'),
    ],
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL: `http://127.0.0.1:${CMS_PORT}`,
      COOKIE_SECURE: 'false',
      PORTAL_PROXY_HOPS: '0',
      ...extraEnv,
    },
    dir,
  );
}

/** The demo owner gets vehicles enough for a full garage page (and a next page). */
async function fillGarage() {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const owner = await client.query('SELECT id FROM up_users WHERE email = $1', [OWNER_EMAIL]);
    const vehicle = await client.query(
      'SELECT make_id, model_id FROM vehicles WHERE owner_id = $1 LIMIT 1',
      [owner.rows[0].id],
    );
    const { make_id: make, model_id: model } = vehicle.rows[0];
    await client.query(
      `INSERT INTO vehicles (document_id, owner_id, make_id, model_id, year, registration_number,
                             registration_key, nickname, created_at, updated_at, published_at)
       SELECT md5(random()::text || g), $1, $2, $3, 2018, 'BA 9 PA ' || (1000 + g),
              'BENCHPORTAL' || g, 'Bench ' || g, now(), now(), now()
         FROM generate_series(1, $4::int) g`,
      [owner.rows[0].id, make, model, GARAGE_VEHICLES - 2],
    );
  } finally {
    await client.end();
  }
}

/** Cookies from a response's Set-Cookie headers, merged into `jar` (name → value). */
function keepCookies(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (expired) jar.delete(name);
    else jar.set(name, pair.slice(index + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** Signs the demo owner in through the portal's login form, as a browser does. */
async function signIn(base) {
  const jar = new Map();
  const page = await fetch(`${base}/en/login`);
  keepCookies(page, jar);
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error('no CSRF field on the login page');
  const response = await fetch(`${base}/en/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: base,
      'sec-fetch-site': 'same-origin',
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ email: OWNER_EMAIL, password: OWNER_PASSWORD, _csrf: csrf }),
  });
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  keepCookies(response, jar);
  const cookie = cookieHeader(jar);
  const garage = await fetch(`${base}/en/garage`, { headers: { cookie }, redirect: 'manual' });
  const html = await garage.text();
  const cards = html.match(/class="vehicle-card/g)?.length ?? 0;
  if (garage.status !== 200 || cards === 0) {
    throw new Error(`the garage page answered ${garage.status} with ${cards} vehicle cards`);
  }
  return { cookie, cards };
}

async function load(base, url, headers = {}) {
  // A short warm-up so the JIT has seen the route before it is measured.
  await autocannon({ url: `${base}${url}`, connections: 4, duration: 1, headers });
  const result = await autocannon({
    url: `${base}${url}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const PUBLIC_PAGES = ['', '/about', '/login', '/register', '/forgot-password'];

/**
 * Cumulative layout shift (largest session window, as Lighthouse counts it) and LCP of each
 * public page, in Chromium at a phone viewport with Lighthouse's mobile throttling (4× CPU,
 * 150 ms RTT, 1.6 Mbit/s), each page loaded with an empty cache.
 */
async function layoutShifts(base) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const rows = [];
  try {
    for (const locale of ['en', 'ne']) {
      for (const page of PUBLIC_PAGES) {
        const context = await browser.newContext({
          viewport: { width: 412, height: 823 },
          deviceScaleFactor: 1.75,
          isMobile: true,
          hasTouch: true,
        });
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await tab.addInitScript(() => {
          const state = { shifts: [], lcp: 0 };
          globalThis.__vitals = state;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (!entry.hadRecentInput) state.shifts.push([entry.startTime, entry.value]);
            }
          }).observe({ type: 'layout-shift', buffered: true });
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) state.lcp = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        const url = `/${locale}${page}`;
        await tab.goto(`${base}${url}`, { waitUntil: 'load' });
        await tab.waitForTimeout(1500);
        const { shifts, lcp } = await tab.evaluate(() => globalThis.__vitals);
        // Session windows: shifts less than 1 s apart, each window at most 5 s long.
        let cls = 0;
        let windowValue = 0;
        let windowStart = 0;
        let last = -Infinity;
        for (const [time, value] of shifts) {
          if (time - last > 1000 || time - windowStart > 5000) {
            windowValue = 0;
            windowStart = time;
          }
          windowValue += value;
          last = time;
          cls = Math.max(cls, windowValue);
        }
        rows.push({ url, cls, lcp: Math.round(lcp) });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

async function main() {
  mkdirSync(tmp, { recursive: true });
  log('building the CMS, the portal and a bare Astro app');
  run('npm', ['run', 'compile', '-w', 'cms']);
  const storefront = path.join(root, 'storefront');
  buildAstro(storefront);
  const bare = path.join(tmp, 'bare-astro');
  writeBareApp(bare);
  buildAstro(bare);
  const before = COMPARE ? extractStorefront(COMPARE, path.join(tmp, 'before')) : null;
  if (before) buildAstro(before);

  await sql(ADMIN_URL, `CREATE DATABASE "${database}"`);
  const cms = start([path.join(root, 'bench', 'server.mjs')], {
    ...throwawaySecrets(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(CMS_PORT),
    PROXY_HOPS: '1',
    SERVE_ADMIN_PANEL: 'false',
    DATABASE_URL: dbUrl,
    DATABASE_POOL_MAX: '20',
    REDIS_URL,
    CACHE_PREFIX: `${database}:`,
    LOG_LEVEL: 'info',
    SEED_DEMO_DATA: 'true',
    CATALOG_DATA_DIR: path.join(root, 'cms', 'tests', 'fixtures', 'catalog'),
    DEMO_OWNER_EMAIL: OWNER_EMAIL,
    DEMO_OWNER_PASSWORD: OWNER_PASSWORD,
  });
  const profileFile = path.join(tmp, 'portal.cpuprofile');
  const profileArgs = PROFILE ? ['--import', path.join(root, 'bench', 'cpu-profile.mjs')] : [];
  try {
    await waitFor(`http://127.0.0.1:${CMS_PORT}/readyz`);
    await fillGarage();
    const targets = [{ name: 'this build', port: PORTAL_PORT, dir: storefront }];
    if (before) targets.unshift({ name: `at ${COMPARE}`, port: BEFORE_PORT, dir: before });
    for (const target of targets) {
      target.child = startPortal(
        target.dir,
        target.port,
        target.dir === storefront ? profileArgs : [],
        {
          BENCH_PROFILE_FILE: profileFile,
        },
      );
    }
    const bareServer = start([path.join(bare, 'dist', 'server', 'entry.mjs')], {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(BARE_PORT),
    });
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
    for (const target of targets) {
      target.base = `http://127.0.0.1:${target.port}`;
      await waitFor(`${target.base}/healthz`);
      target.session = await signIn(target.base);
    }
    log(`demo owner signed in; the garage page shows ${targets.at(-1).session.cards} vehicles`);
    // The CMS call behind the garage page, asked directly: the ceiling the CMS sets for it.
    const signedIn = await fetch(`http://127.0.0.1:${CMS_PORT}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: OWNER_EMAIL, password: OWNER_PASSWORD }),
    });
    const { jwt } = await signedIn.json();

    const baseline = await load(`http://127.0.0.1:${BARE_PORT}`, '/');
    log(`bare Astro page: ${baseline.rps} req/s`);
    await stopProcess(bareServer);
    const rows = [
      { title: 'portal /healthz', url: '/healthz' },
      { title: 'home page /en', url: '/en', kind: 'home' },
      { title: 'home page /ne', url: '/ne', kind: 'home' },
      { title: 'garage /en/garage (signed in)', url: '/en/garage', kind: 'garage', signedIn: true },
    ];
    const current = targets.at(-1);
    const cmsList = await load(`http://127.0.0.1:${CMS_PORT}`, '/api/vehicles?locale=en&limit=12', {
      authorization: `Bearer ${jwt}`,
    });
    log(`CMS garage list, direct: ${cmsList.rps} req/s`);
    if (PROFILE) current.child.kill('SIGUSR2');
    for (const row of rows) {
      row.results = [];
      for (const target of targets) {
        const headers = row.signedIn ? { cookie: target.session.cookie } : {};
        const result = await load(target.base, row.url, headers);
        log(`${row.title} (${target.name}): ${result.rps} req/s, p99 ${result.p99} ms`);
        row.results.push({ target: target.name, ...result });
      }
    }
    if (PROFILE) {
      current.child.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const cls = [];
    for (const target of SKIP_CLS ? [] : targets) {
      for (const row of await layoutShifts(target.base)) cls.push({ ...row, target: target.name });
    }

    const ratio = (result) => (result.rps / baseline.rps).toFixed(2);
    const line = (title, result) =>
      `  ${title.padEnd(46)} ${String(result.rps).padStart(6)} req/s   p50 ${String(result.p50).padStart(4)} ms   p99 ${String(result.p99).padStart(4)} ms   ${ratio(result)}x bare${result.failed ? `   ${result.failed} FAILED` : ''}`;
    const verdict = (row, result) => {
      if (!row.kind) return '';
      const rps = result.rps >= TARGETS[row.kind];
      const p99 = result.p99 < TARGETS.p99;
      return `      target ${TARGETS[row.kind]} req/s: ${rps ? 'met' : 'NOT met'}; p99 < ${TARGETS.p99} ms: ${p99 ? 'met' : 'NOT met'}`;
    };
    const table = rows
      .map((row) =>
        row.results
          .map((result) => {
            const title = targets.length > 1 ? `${row.title} [${result.target}]` : row.title;
            const check = result.target === current.name ? verdict(row, result) : '';
            return `${line(title, result)}${check ? `\n${check}` : ''}`;
          })
          .join('\n'),
      )
      .join('\n');
    const compared =
      targets.length > 1
        ? `\n  this build / ${COMPARE}: ${rows
            .map((row) => `${row.url} ${(row.results[1].rps / row.results[0].rps).toFixed(2)}x`)
            .join(', ')}`
        : '';
    const clsTable = cls
      .map(
        ({ url, cls: value, lcp, target }) =>
          `  ${(targets.length > 1 ? `${url} [${target}]` : url).padEnd(36)} CLS ${value.toFixed(3)} ${value <= 0.05 ? '(<= 0.05)' : '(> 0.05: NOT met)'}   LCP ${lcp} ms`,
      )
      .join('\n');
    console.log(`
Portal benchmark (${CONNECTIONS} connections, ${DURATION} s a row, production builds, CMS on PostgreSQL + Redis)
  ${'bare Astro 5 page (20 items)'.padEnd(46)} ${String(baseline.rps).padStart(6)} req/s   p50 ${String(baseline.p50).padStart(4)} ms   p99 ${String(baseline.p99).padStart(4)} ms
${line('CMS /api/vehicles?limit=12 (direct, no portal)', cmsList)}
${table}${compared}
${cls.length ? `Layout shift at a phone viewport (Chromium, 4x CPU, 150 ms RTT, 1.6 Mbit/s):\n${clsTable}` : ''}`);
    if (PROFILE) {
      console.log(`CPU profile of the portal under load (${profileFile}):`);
      console.log(summarise(JSON.parse(readFileSync(profileFile, 'utf8'))));
    }
  } finally {
    await Promise.all(children.map(stopProcess));
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    if (!PROFILE) rmSync(tmp, { recursive: true, force: true });
    void cms;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
