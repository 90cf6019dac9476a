#!/usr/bin/env node
// `npm run bench:reminders`: 100,000 due reminder occurrences over 20,000 owners, delivered by
// two CMS worker processes sharing one BullMQ queue on Redis, against a loopback SMTP server
// and a loopback SMS gateway started here. Prints the time to deliver all, deliveries per
// second, duplicates and missing, and the measured "unknown" window (send_started_at → the
// status write) per delivery.
//
// Until the reminders domain is merged, the notices come from the plugin's test source
// (cms/tests/support/reminder-source.cjs: a real implementation of the source contract over
// one table), registered by the worker processes (cms/tests/support/reminder-worker.cjs).
import { execFileSync, fork } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import { sql } from './support.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const { SMTPServer } = require('smtp-server');

const OCCURRENCES = Number(process.env.BENCH_OCCURRENCES ?? 100_000);
const OWNERS = Number(process.env.BENCH_OWNERS ?? 20_000);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 2);
const TARGET_SECONDS = 120;
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SMS_TOKEN = 'bench-sms-token-0123456789abcdef';
const database = `mg_bench_reminders_${Date.now()}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
const log = (message) => console.log(`[bench:reminders] ${message}`);

// ── loopback SMTP and SMS: count what arrives per delivery key ─────────────────────────
const mailCounts = new Map();
const smsCounts = new Map();
let mailTotal = 0;
let smsTotal = 0;

function startSmtp() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString()));
      stream.on('end', () => {
        const key = /^X-MotorGhar-Delivery: (.+?)\r?$/im.exec(raw)?.[1] ?? '?';
        mailCounts.set(key, (mailCounts.get(key) ?? 0) + 1);
        mailTotal += 1;
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.server.address().port })),
  );
}

function startSms() {
  let counter = 0;
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(raw);
      if (form.get('token') !== SMS_TOKEN) {
        response.writeHead(401).end('{"response_code":401}');
        return;
      }
      const key = /(bench:\d+)/.exec(form.get('text') ?? '')?.[1] ?? '?';
      smsCounts.set(key, (smsCounts.get(key) ?? 0) + 1);
      smsTotal += 1;
      counter += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ response_code: 200, message_id: `bench-${counter}` }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/v2/sms` }),
    ),
  );
}

// ── worker processes ─────────────────────────────────────────────────────────────────
function startWorker(env) {
  const child = fork(path.join(cmsDir, 'tests/support/reminder-worker.cjs'), [], {
    cwd: cmsDir,
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message.type === type) {
          child.off('message', onMessage);
          resolve(message);
        } else if (message.type === 'error') reject(new Error(message.message));
      };
      child.on('message', onMessage);
      exited.then((code) => reject(new Error(`worker exited (${code}) before ${type}`)));
    });
  return next('ready').then(() => ({
    async tick(at) {
      const reply = next('ticked');
      child.send({ type: 'tick', at: at.toISOString() });
      return (await reply).result;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  }));
}

/** The last 12:00 Nepal time before now: the tick runs "at noon", outside the quiet hours. */
function lastNepalNoon() {
  const noon = new Date();
  noon.setUTCHours(6, 15, 0, 0);
  if (noon.getTime() > Date.now()) noon.setUTCDate(noon.getUTCDate() - 1);
  return noon;
}

async function main() {
  log('compiling the CMS');
  execFileSync('npm', ['run', 'compile', '-w', 'cms'], { cwd: root, stdio: 'ignore' });
  await sql(ADMIN_URL, `CREATE DATABASE "${database}"`);
  const smtp = await startSmtp();
  const sms = await startSms();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SERVE_ADMIN_PANEL: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_URL: dbUrl,
    DATABASE_POOL_MAX: '20',
    REDIS_URL,
    CACHE_PREFIX: `${database}:`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMS_PROVIDER: 'http',
    SMS_BASE_URL: sms.url,
    SMS_TOKEN,
    REMINDERS_TICK_CRON: '0 0 1 1 *',
    REMINDERS_BATCH_SIZE: '1000',
    REMINDERS_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '50',
    AUDIT_LOG_ENABLED: 'true',
    ...throwawaySecrets(),
  };
  const workers = [];
  try {
    // The first boot creates the schema alone; the others find it.
    log(`starting ${INSTANCES} CMS worker processes`);
    workers.push(await startWorker(env));
    for (let index = 1; index < INSTANCES; index += 1) workers.push(await startWorker(env));

    const noon = lastNepalNoon();
    const dueAt = new Date(noon.getTime() - 60 * 60 * 1000);
    log(`seeding ${OCCURRENCES} due occurrences over ${OWNERS} owners (80% email, 20% SMS)`);
    // One channel per occurrence, chosen by the owner: every fifth owner takes SMS.
    await sql(
      dbUrl,
      `INSERT INTO test_reminder_notices
         (key, owner_id, due_at, email, phone, locale, email_on, sms_on, subject, body, sms_text)
       SELECT 'bench:' || n, o, $1::timestamptz,
              'owner' || o || '@example.com', '98' || lpad(o::text, 8, '0'),
              CASE WHEN o % 2 = 0 THEN 'ne' ELSE 'en' END,
              o % 5 <> 0, o % 5 = 0,
              'Service due: bench:' || n,
              'Your vehicle service (bench:' || n || ') is due. https://motorghar.example/en/garage',
              CASE WHEN o % 2 = 0
                THEN 'मोटरघर: तपाईंको गाडीको सर्भिस (bench:' || n || ') गर्ने बेला भयो।'
                ELSE 'MotorGhar: your service (bench:' || n || ') is due.' END
       FROM generate_series(1, $2::int) AS n, LATERAL (SELECT ((n - 1) % $3::int) + 1 AS o) AS owner`,
      [dueAt, OCCURRENCES, OWNERS],
    );
    const expected = OCCURRENCES;

    log('ticking on every instance at once; timing until every delivery is sent');
    const started = Date.now();
    const ticks = await Promise.all(workers.map((worker) => worker.tick(noon)));
    const tickSeconds = (Date.now() - started) / 1000;
    let sent = 0;
    const deadline = started + 25 * 60 * 1000;
    while (Date.now() < deadline) {
      const { rows } = await sql(
        dbUrl,
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
                count(*) FILTER (WHERE status IN ('failed', 'unknown'))::int AS stuck
         FROM reminder_deliveries`,
      );
      sent = rows[0].sent;
      if (sent + rows[0].stuck >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (Date.now() - started) / 1000;
    // Let any duplicate (a wrong resend) arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const keys = new Set();
    let duplicates = 0;
    for (const counts of [mailCounts, smsCounts]) {
      for (const [key, count] of counts) {
        keys.add(key.replace(/:(email|sms)$/, ''));
        duplicates += count - 1;
      }
    }
    const missing = expected - keys.size;
    const { rows: window } = await sql(
      dbUrl,
      `SELECT channel,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              max(ms) AS max
       FROM (SELECT channel, extract(epoch FROM sent_at - send_started_at) * 1000 AS ms
             FROM reminder_deliveries WHERE status = 'sent') AS t
       GROUP BY channel ORDER BY channel`,
    );
    const { rows: statuses } = await sql(
      dbUrl,
      'SELECT status, channel, count(*)::int AS count FROM reminder_deliveries GROUP BY 1, 2 ORDER BY 1, 2',
    );

    log(`ticks: ${JSON.stringify(ticks)} (${tickSeconds.toFixed(1)} s to write the outbox)`);
    log(`rows: ${statuses.map((row) => `${row.status}/${row.channel}=${row.count}`).join(', ')}`);
    log(`received: ${mailTotal} emails, ${smsTotal} SMS`);
    log(
      `delivered ${sent} of ${expected} in ${seconds.toFixed(1)} s: ${(sent / seconds).toFixed(0)} deliveries/s`,
    );
    log(`duplicates: ${duplicates}, missing: ${missing}`);
    for (const row of window) {
      log(
        `window send_started_at → status write (${row.channel}): p50 ${Number(row.p50).toFixed(1)} ms, p99 ${Number(row.p99).toFixed(1)} ms, max ${Number(row.max).toFixed(1)} ms`,
      );
    }
    const ok = seconds < TARGET_SECONDS && duplicates === 0 && missing === 0;
    log(
      ok
        ? `PASS: under ${TARGET_SECONDS} s, no duplicates, none missing`
        : `FAIL: target is under ${TARGET_SECONDS} s, 0 duplicates, 0 missing`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    smtp.server.close();
    sms.server.close();
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

await main();
