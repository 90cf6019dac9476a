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
// Lighthouse 12 (programmatic, default config = mobile form factor, simulated slow 4G and 4x
// CPU) runs on the same public pages - home, about, news list and one article, centers finder
// and one center, login, register, forgot password - in en and ne, and prints for each the
// performance and accessibility scores, CLS, LCP and whether the target (performance >= 95,
// CLS <= 0.05, no request beyond 127.0.0.1) is met, with the failing accessibility audits,
// any external request, and the LCP element of a page below 95. Chromium resolves no host but
// 127.0.0.1, so nothing reaches the internet. BENCH_LIGHTHOUSE_ONLY=1 builds and starts the
// portal and CMS and runs only Lighthouse (no load rows, no CLS probe); BENCH_LIGHTHOUSE=0
// skips it; BENCH_LIGHTHOUSE_PAGES=/,/about narrows the pages; BENCH_LIGHTHOUSE_RUNS=3 keeps
// each page's median run (the scores move with the host's load: TBT most);
// BENCH_LIGHTHOUSE_REPORTS=<dir> keeps each page's JSON report. BENCH_BUILD=0 skips building
// the CMS and the portal and runs the builds the last run left.
//
// BENCH_COMPARE=<git ref> also builds the portal as it was at that ref and measures it row by
// row beside this one (before/after in one run). BENCH_PROFILE=1 CPU-profiles this portal
// during its rows only (bench/cpu-profile.mjs) and prints where the time went; with
// BENCH_PROFILE_KIND=heap it samples allocations instead and prints where the bytes went.
// BENCH_PROFILE=cms profiles the CMS instead, during the same rows (what the portal asks of it).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import { summarise, summariseHeap } from './profile-summary.mjs';
import { cpuSnapshot, cpuSpent, processLabels, sql, stopProcess, waitFor } from './support.mjs';

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
// BENCH_PROFILE=1: the portal; BENCH_PROFILE=cms: the CMS (during the same portal rows).
const PROFILE = ['1', 'cms'].includes(process.env.BENCH_PROFILE ?? '');
const PROFILED = process.env.BENCH_PROFILE === 'cms' ? 'CMS' : 'portal';
// BENCH_ROWS=garage (or healthz, home, garage-compressed, garage-rendered; comma-separated): only
// those portal rows.
const ROWS = process.env.BENCH_ROWS?.split(',').map((row) => row.trim());
const SKIP_CLS = process.env.BENCH_CLS === '0';
const LIGHTHOUSE_ONLY = process.env.BENCH_LIGHTHOUSE_ONLY === '1';
// BENCH_BUILD=0 reuses cms/dist and storefront/dist as the last run left them.
const REBUILD = process.env.BENCH_BUILD !== '0';
const SKIP_LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE === '0';
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1));
const LIGHTHOUSE_PAGES = process.env.BENCH_LIGHTHOUSE_PAGES?.split(',').map((page) => page.trim());
const LIGHTHOUSE_TARGETS = { performance: 95, cls: 0.05 };
const LIGHTHOUSE_VERSION = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
).version;
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

// The CMS and the portal run with the Node options their images give them (cms/Dockerfile's
// NODE_OPTIONS, storefront/Dockerfile's CMD). BENCH_NODE_ARGS="--trace-gc ..." replaces them
// (an A/B of a flag; BENCH_NODE_ARGS= for none); BENCH_STDOUT_DIR=<dir> keeps each
// server's standard output there (what --trace-gc prints, for one).
const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=64'];
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? PRODUCTION_NODE_ARGS;
const STDOUT_DIR = process.env.BENCH_STDOUT_DIR;

function start(args, env, cwd = root, name = undefined) {
  const stdout =
    STDOUT_DIR && name ? openSync(path.join(STDOUT_DIR, `${name}.log`), 'w') : 'ignore';
  const child = spawn('node', [...(name ? NODE_ARGS : []), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'inherit'],
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
      // An older build (BENCH_COMPARE) may predate server.mjs: its standalone entry then.
      existsSync(path.join(dir, 'server.mjs'))
        ? path.join(dir, 'server.mjs')
        : path.join(dir, 'dist', 'server', 'entry.mjs'),
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
    `portal-${port}`,
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
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, html);
  return { cookie, cards, bytes: Buffer.byteLength(html) };
}

/** Names the processes whose CPU a row counts (pid → label); filled as they start. */
const processNames = new Map([[process.pid, 'autocannon']]);
const processLabel = processLabels(processNames);

/**
 * Loads one URL and says what each request cost in CPU, per process (from /proc): where the
 * machine's two cores went, not only how long a request waited.
 */
async function load(base, url, headers = {}) {
  // A short warm-up so the JIT has seen the route before it is measured.
  await autocannon({ url: `${base}${url}`, connections: 4, duration: 1, headers });
  const cpuBefore = await cpuSnapshot();
  const result = await autocannon({
    url: `${base}${url}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
  });
  const spent = cpuSpent(cpuBefore, await cpuSnapshot(), processLabel);
  const requests = result.requests.total || 1;
  const cpu = [...spent]
    .filter(([, seconds]) => seconds > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, seconds]) => `${name} ${((seconds * 1000) / requests).toFixed(2)}`)
    .join(', ');
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    cpu,
  };
}

/** The public pages (no session needed), each measured in both languages. */
const PUBLIC_PAGES = ['', '/about', '/news', '/centers', '/login', '/register', '/forgot-password'];
const LOCALES = ['en', 'ne'];

/**
 * The public pages, with one news article and one service center's page (the first the lists
 * link to) placed after their lists; `only` (BENCH_LIGHTHOUSE_PAGES) narrows them by path.
 */
async function publicPages(base, only) {
  const pages = [];
  for (const page of PUBLIC_PAGES) {
    pages.push(page);
    if (page !== '/news' && page !== '/centers') continue;
    const html = await (await fetch(`${base}/en${page}`)).text();
    const pattern = new RegExp(`href="/en${page}/([^"?/#]+)`, 'g');
    const slug = [...html.matchAll(pattern)].map((match) => match[1]).find((s) => s !== 'saved');
    if (slug) pages.push(`${page}/${slug}`);
    else log(`no link to a page under ${page} on /en${page}: left out`);
  }
  return only ? pages.filter((page) => only.includes(page || '/')) : pages;
}

/**
 * Cumulative layout shift (largest session window, as Lighthouse counts it) and LCP of each
 * public page, in Chromium at a phone viewport with Lighthouse's mobile throttling (4× CPU,
 * 150 ms RTT, 1.6 Mbit/s), each page loaded with an empty cache.
 */
async function layoutShifts(base) {
  const pages = await publicPages(base);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const rows = [];
  try {
    for (const locale of LOCALES) {
      for (const page of pages) {
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

/** Chromium for Lighthouse: headless, sandbox off (container), no calls home of its own. */
const LIGHTHOUSE_CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host but this machine fails to resolve: nothing a page asks for reaches the internet
  // (and any such request still shows up below as external).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** The run with the median performance score (Lighthouse's own advice for noisy hosts). */
function medianRun(runs) {
  const sorted = [...runs].sort(
    (a, b) => a.categories.performance.score - b.categories.performance.score,
  );
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Lighthouse 12 (default config: the mobile form factor, simulated 4x CPU slowdown and slow
 * 4G) on every public page in both languages: performance and accessibility scores, CLS, LCP,
 * the failing accessibility audits and any request that left 127.0.0.1. BENCH_LIGHTHOUSE_RUNS
 * runs each page that many times and keeps the median; BENCH_LIGHTHOUSE_REPORTS=<dir> keeps
 * each page's JSON report there.
 */
async function lighthouseRuns(base) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const pages = await publicPages(base, LIGHTHOUSE_PAGES);
  const reports = process.env.BENCH_LIGHTHOUSE_REPORTS;
  if (reports) mkdirSync(reports, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: LIGHTHOUSE_CHROME_FLAGS,
    logLevel: 'silent',
  });
  const rows = [];
  try {
    for (const locale of LOCALES) {
      for (const page of pages) {
        const url = `/${locale}${page}`;
        // A few requests first, so the server's first render of the route is not the one timed.
        for (let warm = 0; warm < 3; warm += 1) await (await fetch(`${base}${url}`)).text();
        const runs = [];
        // On a busy host the trace now and then comes back without a navigation (NO_NAVSTART):
        // such a run is repeated; the bench gives up at a page's third failure.
        for (let attempt = 0; runs.length < LIGHTHOUSE_RUNS; attempt += 1) {
          const result = await lighthouse(`${base}${url}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          });
          const error = result ? result.lhr.runtimeError : { message: 'no result' };
          if (!error) runs.push(result.lhr);
          else if (attempt - runs.length >= 2) {
            throw new Error(`Lighthouse on ${url}: ${error.code ?? ''} ${error.message}`);
          } else log(`lighthouse ${url}: ${error.code ?? error.message}, running it again`);
        }
        const lhr = medianRun(runs);
        if (reports) {
          const name = url.replaceAll('/', '_').replace(/^_/, '');
          writeFileSync(path.join(reports, `${name}.json`), JSON.stringify(lhr));
        }
        const { origin } = new URL(base);
        const requests = lhr.audits['network-requests'].details?.items ?? [];
        const external = requests
          .map((item) => item.url)
          .filter((address) => /^https?:/.test(address) && new URL(address).origin !== origin);
        const a11yFailures = lhr.categories.accessibility.auditRefs
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
          .map((audit) => audit.id);
        const row = {
          url,
          performance: Math.round(lhr.categories.performance.score * 100),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          lcp: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
          tbt: Math.round(lhr.audits['total-blocking-time'].numericValue),
          lcpElement:
            lhr.audits['largest-contentful-paint-element'].details?.items?.[0]?.items?.[0]?.node
              ?.snippet ?? '',
          a11yFailures,
          external,
        };
        log(`lighthouse ${url}: performance ${row.performance}, CLS ${row.cls.toFixed(3)}`);
        rows.push(row);
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

function lighthouseTable(rows) {
  return rows
    .map((row) => {
      const misses = [];
      if (row.performance < LIGHTHOUSE_TARGETS.performance) {
        misses.push(`performance < ${LIGHTHOUSE_TARGETS.performance}`);
      }
      if (row.cls > LIGHTHOUSE_TARGETS.cls) misses.push(`CLS > ${LIGHTHOUSE_TARGETS.cls}`);
      if (row.external.length > 0) misses.push('external requests');
      const verdict = misses.length ? `NOT met (${misses.join(', ')})` : 'met';
      const notes = [
        row.a11yFailures.length ? `      accessibility fails: ${row.a11yFailures.join(', ')}` : '',
        row.external.length ? `      external: ${row.external.join(', ')}` : '',
        row.performance < LIGHTHOUSE_TARGETS.performance && row.lcpElement
          ? `      LCP element: ${row.lcpElement}`
          : '',
      ].filter(Boolean);
      return [
        `  ${row.url.padEnd(36)} performance ${String(row.performance).padStart(3)}   accessibility ${String(row.accessibility).padStart(3)}   CLS ${row.cls.toFixed(3)}   LCP ${String(row.lcp).padStart(5)} ms   TBT ${String(row.tbt).padStart(4)} ms   ${verdict}`,
        ...notes,
      ].join('\n');
    })
    .join('\n');
}

async function main() {
  mkdirSync(tmp, { recursive: true });
  const storefront = path.join(root, 'storefront');
  if (REBUILD) {
    log(`building the CMS, the portal${LIGHTHOUSE_ONLY ? '' : ' and a bare Astro app'}`);
    run('npm', ['run', 'compile', '-w', 'cms']);
    buildAstro(storefront);
    log('portal built');
  }
  const bare = path.join(tmp, 'bare-astro');
  if (!LIGHTHOUSE_ONLY) {
    writeBareApp(bare);
    buildAstro(bare);
  }
  const before = COMPARE ? extractStorefront(COMPARE, path.join(tmp, 'before')) : null;
  if (before) buildAstro(before);

  await sql(ADMIN_URL, `CREATE DATABASE "${database}"`);
  const heapProfile = process.env.BENCH_PROFILE_KIND === 'heap';
  const profileFile = path.join(tmp, `${PROFILED}.${heapProfile ? 'heapprofile' : 'cpuprofile'}`);
  const profileArgs = PROFILE ? ['--import', path.join(root, 'bench', 'cpu-profile.mjs')] : [];
  const cms = start(
    [...(PROFILED === 'CMS' ? profileArgs : []), path.join(root, 'bench', 'server.mjs')],
    {
      BENCH_PROFILE_FILE: profileFile,
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
    },
    root,
    'cms',
  );
  processNames.set(cms.pid, 'CMS');
  try {
    // Seeding the demo data on a busy machine can take longer than the default two minutes.
    await waitFor(`http://127.0.0.1:${CMS_PORT}/readyz`, 600);
    log('CMS ready');
    await fillGarage();
    const targets = [{ name: 'this build', port: PORTAL_PORT, dir: storefront }];
    if (before) targets.unshift({ name: `at ${COMPARE}`, port: BEFORE_PORT, dir: before });
    for (const target of targets) {
      target.child = startPortal(
        target.dir,
        target.port,
        target.dir === storefront && PROFILED === 'portal' ? profileArgs : [],
        {
          BENCH_PROFILE_FILE: profileFile,
        },
      );
    }
    for (const target of targets) {
      processNames.set(target.child.pid, `portal (${target.name})`);
      target.base = `http://127.0.0.1:${target.port}`;
      await waitFor(`${target.base}/healthz`);
    }
    const scores = [];
    for (const target of SKIP_LIGHTHOUSE ? [] : targets) {
      for (const row of await lighthouseRuns(target.base)) {
        scores.push({ ...row, url: targets.length > 1 ? `${row.url} [${target.name}]` : row.url });
      }
    }
    const scoresTable = scores.length
      ? `Lighthouse ${LIGHTHOUSE_VERSION} (mobile, simulated throttling; target performance >= ${LIGHTHOUSE_TARGETS.performance}, CLS <= ${LIGHTHOUSE_TARGETS.cls}, no external requests${LIGHTHOUSE_RUNS > 1 ? `; median of ${LIGHTHOUSE_RUNS} runs` : ''}):\n${lighthouseTable(scores)}`
      : '';
    if (LIGHTHOUSE_ONLY) {
      console.log(`\n${scoresTable}`);
      return;
    }
    const bareServer = start([path.join(bare, 'dist', 'server', 'entry.mjs')], {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(BARE_PORT),
    });
    processNames.set(bareServer.pid, 'bare Astro');
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
    for (const target of targets) target.session = await signIn(target.base);
    log(
      `demo owner signed in; the garage page shows ${targets.at(-1).session.cards} vehicles in ${(targets.at(-1).session.bytes / 1024).toFixed(1)} KB of HTML`,
    );
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
      { title: 'portal /healthz', url: '/healthz', kind: 'healthz' },
      { title: 'home page /en', url: '/en', kind: 'home' },
      { title: 'home page /ne', url: '/ne', kind: 'home' },
      { title: 'garage /en/garage (signed in)', url: '/en/garage', kind: 'garage', signedIn: true },
      // As a browser asks for it: compressed (autocannon asks for nothing unless told).
      {
        title: 'garage, compressed (Accept-Encoding: br, gzip)',
        url: '/en/garage',
        kind: 'garage-compressed',
        signedIn: true,
        headers: { 'accept-encoding': 'br, gzip' },
      },
      // The same page rendered on every request: the "deleted" notice's URL is never kept.
      {
        title: 'garage, rendered each time (?deleted=1)',
        url: '/en/garage?deleted=1',
        kind: 'garage-rendered',
        signedIn: true,
      },
    ].filter((row) => !ROWS || ROWS.includes(row.kind));
    const current = targets.at(-1);
    // The garage page's CMS calls, asked directly: the version of its data, which is all a
    // kept page needs, and the three a page rendered anew reads (its vehicles, the reminders
    // for each card's next one, the owner's recalls).
    const direct = [];
    for (const [title, url] of [
      ['CMS /api/garage/version', '/api/garage/version?locale=en&limit=12'],
      ['CMS /api/vehicles?limit=12', '/api/vehicles?locale=en&limit=12'],
      ['CMS /api/reminders', '/api/reminders?locale=en'],
      ['CMS /api/recalls/mine', '/api/recalls/mine?locale=en'],
    ]) {
      const result = await load(`http://127.0.0.1:${CMS_PORT}`, url, {
        authorization: `Bearer ${jwt}`,
      });
      log(`${title}, direct: ${result.rps} req/s`);
      direct.push({ title: `${title} (direct, no portal)`, result });
    }
    const profiled = PROFILED === 'CMS' ? cms : current.child;
    if (PROFILE) profiled.kill('SIGUSR2');
    for (const row of rows) {
      row.results = [];
      for (const target of targets) {
        const headers = {
          ...row.headers,
          ...(row.signedIn ? { cookie: target.session.cookie } : {}),
        };
        const result = await load(target.base, row.url, headers);
        log(`${row.title} (${target.name}): ${result.rps} req/s, p99 ${result.p99} ms`);
        row.results.push({ target: target.name, ...result });
      }
    }
    if (PROFILE) {
      profiled.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const cls = [];
    for (const target of SKIP_CLS ? [] : targets) {
      for (const row of await layoutShifts(target.base)) cls.push({ ...row, target: target.name });
    }

    const ratio = (result) => (result.rps / baseline.rps).toFixed(2);
    const line = (title, result) =>
      `  ${title.padEnd(46)} ${String(result.rps).padStart(6)} req/s   p50 ${String(result.p50).padStart(4)} ms   p99 ${String(result.p99).padStart(4)} ms   ${ratio(result)}x bare${result.failed ? `   ${result.failed} FAILED` : ''}${result.cpu ? `\n      CPU ms a request: ${result.cpu}` : ''}`;
    const verdict = (row, result) => {
      if (!TARGETS[row.kind]) return '';
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
${direct.map(({ title, result }) => line(title, result)).join('\n')}
${table}${compared}
${cls.length ? `Layout shift at a phone viewport (Chromium, 4x CPU, 150 ms RTT, 1.6 Mbit/s):\n${clsTable}` : ''}
${scoresTable}`);
    if (PROFILE) {
      const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
      console.log(
        `${heapProfile ? 'Allocations' : 'CPU profile'} of the ${PROFILED} under load (${profileFile}):`,
      );
      console.log(heapProfile ? summariseHeap(profile) : summarise(profile));
    }
  } finally {
    await Promise.all(children.map(stopProcess));
    // BENCH_KEEP=1 keeps the database, to look into (drop it afterwards).
    if (process.env.BENCH_KEEP === '1') log(`kept database ${database}`);
    else await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    if (!PROFILE) rmSync(tmp, { recursive: true, force: true });
    void cms;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
