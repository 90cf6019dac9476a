#!/usr/bin/env node
// `npm run bench:reminders`: 100,000 due reminders of 20,000 owners, pulled by the real
// reminders domain (its source's due() / handedOver()) through the plugin's scheduler tick,
// and delivered by two CMS worker processes sharing one BullMQ queue on Redis, against a
// loopback SMTP server and a loopback SMS gateway started here. Prints the load average at
// the start, the time to deliver all, deliveries per second, duplicates and missing (counted
// at the servers against the keys expected from the seeded reminders), and the measured
// "unknown" window (send_started_at → the status write) per channel.
//
// Owners, vehicles and reminders are written straight into PostgreSQL with bulk SQL. Before
// that, a dry run creates one reminder through the domain's service (what POST
// /api/reminders calls) and one through the seed's SQL from the same input, and refuses to
// go on unless the two rows agree column by column.
import { execFileSync, fork } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { throwawaySecrets } from '../cms/scripts/throwaway-secrets.js';
import {
  cpuSnapshot,
  cpuSpent,
  kernelCpu,
  kernelCpuSpent,
  processLabels,
  sql,
} from './support.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const { SMTPServer } = require('smtp-server');
const { Client } = require('pg');

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
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
      // The gateway gets no delivery key: a message is known by its recipient and text.
      const key = `${form.get('to')}\n${form.get('text')}`;
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
  const child = fork(path.join(root, 'bench/reminders-worker.cjs'), [], {
    cwd: cmsDir,
    env,
    // BENCH_PROFILE=<dir>: a CPU profile of each worker process, written when it stops.
    execArgv: process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [],
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
  const ask = async (command, reply) => {
    const answer = next(reply);
    child.send(command);
    return answer;
  };
  return next('ready').then(() => ({
    pid: child.pid,
    async tick(at) {
      return (await ask({ type: 'tick', at: at.toISOString() }, 'ticked')).result;
    },
    async create(ownerId, input) {
      return (await ask({ type: 'create', ownerId, input }, 'created')).documentId;
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

// ── the seed ───────────────────────────────────────────────────────────────────────────
// Every owner has one vehicle and REMINDERS / OWNERS reminders on it, one per service kind,
// due on successive days, so each (recipient, text) is one reminder's. Locales: 3 in 5 owners
// read Nepali. Channels: 16 in 20 owners email only, 3 SMS only, 1 both.
const KINDS = ['oil-change', 'general-service', 'tyres', 'brakes', 'battery', 'air-filter'];
const NOTIFY_DAYS_BEFORE = 7;

async function seedOwners(client) {
  const role = await client.query("SELECT id FROM up_roles WHERE type = 'authenticated'");
  const models = await client.query(
    `SELECT m.document_id AS model, mk.document_id AS make
       FROM catalog_models m
       JOIN catalog_models_make_lnk l ON l.model_id = m.id
       JOIN catalog_makes mk ON mk.id = l.make_id
      WHERE m.locale = 'en' ORDER BY m.id`,
  );
  if (models.rows.length === 0) throw new Error('the catalog is empty (CATALOG_DATA_DIR)');
  await client.query(
    `INSERT INTO up_users (document_id, username, email, provider, password, confirmed, blocked,
                           display_name, phone, preferred_locale, notify_by_email, notify_by_sms,
                           created_at, updated_at, published_at)
     SELECT md5('owner' || o), 'bench-' || o, 'bench-' || o || '@example.com', 'local',
            '$2a$10$benchbenchbenchbenchbeOo3V1W0Qm2vJt1dS8s5u6y7z8A9B0C', true, false,
            'Owner ' || o, '98' || lpad(o::text, 8, '0'),
            CASE WHEN o % 5 < 3 THEN 'ne' ELSE 'en' END,
            o % 20 < 16 OR o % 20 = 19, o % 20 >= 16,
            now(), now(), now()
       FROM generate_series(1, $1::int) o`,
    [OWNERS],
  );
  await client.query(
    `INSERT INTO up_users_role_lnk (user_id, role_id)
     SELECT id, $1 FROM up_users WHERE email LIKE 'bench-%'`,
    [role.rows[0].id],
  );
  await client.query(
    `INSERT INTO vehicles (document_id, owner_id, make_id, model_id, year, registration_number,
                           registration_key, nickname, odometer_km, created_at, updated_at, published_at)
     SELECT md5('vehicle' || u.id), u.id, (m.models->(u.id % m.n)->>'make'),
            (m.models->(u.id % m.n)->>'model'), 2018,
            'BA ' || (u.id / 9000 + 1) || ' PA ' || (u.id % 9000 + 1),
            'BA' || (u.id / 9000 + 1) || 'PA' || (u.id % 9000 + 1),
            CASE WHEN u.id % 3 = 0 THEN 'Gaadi ' || u.id END, 12000 + u.id % 5000,
            now(), now(), now()
       FROM up_users u, (SELECT $1::jsonb AS models, jsonb_array_length($1::jsonb) AS n) m
      WHERE u.email LIKE 'bench-%'`,
    [JSON.stringify(models.rows)],
  );
}

/**
 * The reminders of owners [first, last], `perOwner` each, with the columns the domain's
 * service writes (reminder-rows.ts notificationColumns: notify_at is Nepal midnight
 * NOTIFY_DAYS_BEFORE days before the due date). `today` is the Nepal day of the tick.
 */
async function seedReminders(client, { first, last, perOwner, today }) {
  await client.query(
    `INSERT INTO reminders (document_id, owner_id, vehicle_id, kind, title, due_date, due_km,
                            every_months, every_km, schedule, status, occurrence,
                            notified_occurrence, source, document_kind, notify_days_before,
                            notify_km_before, notify_at, notify_km, claimed_until,
                            created_at, updated_at, published_at)
     SELECT md5('reminder' || u.id || ':' || k), u.id, v.document_id, ($2::text[])[k + 1], NULL,
            $1::date + (7 - k), NULL, 6, NULL, 'from-completion', 'active', 1, 0, 'owner', NULL,
            NULL, NULL,
            (($1::date + (7 - k) - $3::int)::timestamp AT TIME ZONE 'Asia/Kathmandu'), NULL, NULL,
            now(), now(), now()
       FROM up_users u
       JOIN vehicles v ON v.owner_id = u.id
       CROSS JOIN generate_series(0, $4::int - 1) k
      WHERE u.email LIKE 'bench-%' AND u.username = ANY(
            SELECT 'bench-' || o FROM generate_series($5::int, $6::int) o)`,
    [today, KINDS, NOTIFY_DAYS_BEFORE, perOwner, first, last],
  );
}

/** One reminder through the service and one through the seed, same input: must agree. */
async function dryRun(client, worker, today) {
  const { rows } = await client.query(
    "SELECT u.id, v.document_id FROM up_users u JOIN vehicles v ON v.owner_id = u.id WHERE u.username = 'bench-1'",
  );
  const dueDate = new Date(`${today}T00:00:00Z`);
  dueDate.setUTCDate(dueDate.getUTCDate() + 7);
  const viaApi = await worker.create(rows[0].id, {
    vehicleId: rows[0].document_id,
    kind: KINDS[0],
    dueDate: dueDate.toISOString().slice(0, 10),
    everyMonths: 6,
  });
  await seedReminders(client, { first: 1, last: 1, perOwner: 1, today });
  const both = await client.query(
    'SELECT * FROM reminders WHERE owner_id = $1 ORDER BY (document_id = $2) DESC',
    [rows[0].id, viaApi],
  );
  if (both.rows.length !== 2) throw new Error(`dry run: ${both.rows.length} reminders, not 2`);
  const [api, seeded] = both.rows;
  const differ = Object.keys(api).filter((column) => {
    if (['id', 'document_id', 'created_at', 'updated_at', 'published_at'].includes(column)) {
      return (api[column] === null) !== (seeded[column] === null);
    }
    return JSON.stringify(api[column]) !== JSON.stringify(seeded[column]);
  });
  if (differ.length > 0) {
    throw new Error(
      `dry run: the seed writes another reminder than the API: ${differ
        .map((c) => `${c} api=${JSON.stringify(api[c])} seed=${JSON.stringify(seeded[c])}`)
        .join('; ')}`,
    );
  }
  await client.query('DELETE FROM reminders WHERE owner_id = $1', [rows[0].id]);
  log(`dry run: a reminder from the service and one from the seed agree on every column`);
}

async function main() {
  const [load1, load5] = os.loadavg();
  log(
    `load average at start: ${load1.toFixed(2)} (1 min), ${load5.toFixed(2)} (5 min) on ${os.cpus().length} cores` +
      (load1 > os.cpus().length / 2
        ? ' (busy: the figures below are not a verdict on the target)'
        : ''),
  );
  if (process.env.BENCH_SKIP_COMPILE) log('using the compiled CMS as it is (BENCH_SKIP_COMPILE)');
  else {
    log('compiling the CMS');
    execFileSync('npm', ['run', 'compile', '-w', 'cms'], { cwd: root, stdio: 'ignore' });
  }
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
    SEED_DEMO_DATA: 'true',
    DEMO_OWNER_EMAIL: '',
    ADMIN_EMAIL: '',
    CATALOG_DATA_DIR: path.join(cmsDir, 'tests/fixtures/catalog'),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMS_PROVIDER: 'http',
    SMS_BASE_URL: sms.url,
    SMS_TOKEN,
    REMINDERS_TICK_CRON: '0 0 1 1 *',
    REMINDERS_BATCH_SIZE: process.env.BENCH_BATCH_SIZE ?? '1000',
    REMINDERS_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '50',
    REMINDER_NOTIFY_DAYS_BEFORE: String(NOTIFY_DAYS_BEFORE),
    AUDIT_LOG_ENABLED: 'true',
    ...throwawaySecrets(),
  };
  const workers = [];
  const client = new Client({ connectionString: dbUrl });
  try {
    // The first boot creates the schema (and the catalog) alone; the others find it.
    log(
      `starting ${INSTANCES} CMS worker processes (REMINDERS_BATCH_SIZE=${env.REMINDERS_BATCH_SIZE}, REMINDERS_CONCURRENCY=${env.REMINDERS_CONCURRENCY} each)`,
    );
    workers.push(await startWorker(env));
    for (let index = 1; index < INSTANCES; index += 1) workers.push(await startWorker(env));
    await client.connect();

    const noon = lastNepalNoon();
    const today = new Date(noon.getTime() + (5 * 60 + 45) * 60_000).toISOString().slice(0, 10);
    const perOwner = Math.ceil(REMINDERS / OWNERS);
    if (perOwner > KINDS.length) throw new Error(`at most ${KINDS.length} reminders per owner`);
    let seeding = Date.now();
    await seedOwners(client);
    await dryRun(client, workers[0], today);
    await seedReminders(client, { first: 1, last: OWNERS, perOwner, today });
    await client.query('VACUUM ANALYZE');
    const { rows: counts } = await client.query(
      `SELECT count(*)::int AS reminders,
              count(*) FILTER (WHERE u.notify_by_email)::int AS email,
              count(*) FILTER (WHERE u.notify_by_sms)::int AS sms,
              count(*) FILTER (WHERE u.preferred_locale = 'ne')::int AS ne
         FROM reminders r JOIN up_users u ON u.id = r.owner_id`,
    );
    const seeded = counts[0];
    const expected = seeded.email + seeded.sms;
    log(
      `seeded ${OWNERS} owners, ${OWNERS} vehicles, ${seeded.reminders} due reminders (${seeded.ne} for owners reading Nepali) in ${((Date.now() - seeding) / 1000).toFixed(1)} s: ${expected} deliveries expected (${seeded.email} email, ${seeded.sms} SMS)`,
    );
    seeding = 0;

    log('ticking on every instance at once; timing until every delivery is sent');
    const cpuBefore = await cpuSnapshot();
    const kernelBefore = await kernelCpu();
    const started = Date.now();
    const ticks = await Promise.all(workers.map((worker) => worker.tick(noon)));
    const tickSeconds = (Date.now() - started) / 1000;
    const deadline = started + 25 * 60 * 1000;
    // The ticks have written every row by now: all is sent when no row is pending or being
    // sent (failed rows stop there too). Asked from the outbox's partial indexes, and every
    // 2 s until the loopback servers have received every message (then every 50 ms):
    // counting the whole table four times a second cost PostgreSQL a tenth of the machine.
    let askedAt = 0;
    while (Date.now() < deadline) {
      if (mailTotal + smsTotal >= expected || Date.now() - askedAt >= 2000) {
        askedAt = Date.now();
        const { rows } = await client.query(
          `SELECT count(*)::int AS unfinished FROM reminder_deliveries
            WHERE status = 'pending' OR status = 'sending'`,
        );
        if (rows[0].unfinished === 0) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (Date.now() - started) / 1000;
    const sent = (
      await client.query(
        "SELECT count(*)::int AS sent FROM reminder_deliveries WHERE status = 'sent'",
      )
    ).rows[0].sent;
    const cpu = cpuSpent(
      cpuBefore,
      await cpuSnapshot(),
      processLabels(
        new Map([
          ...workers.map((worker, index) => [worker.pid, `CMS worker ${index + 1}`]),
          [process.pid, 'bench (loopback SMTP + SMS)'],
        ]),
        'other',
      ),
    );
    const kernel = kernelCpuSpent(kernelBefore, await kernelCpu());
    // Let any duplicate (a wrong resend) arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    // What should have arrived, from the reminders and their owners' choices (not the outbox).
    const { rows: expectedRows } = await client.query(
      `SELECT 'reminder:' || r.document_id || ':1:' || c.channel AS key
         FROM reminders r JOIN up_users u ON u.id = r.owner_id
         CROSS JOIN LATERAL (VALUES ('email', u.notify_by_email), ('sms', u.notify_by_sms)) AS c(channel, chosen)
        WHERE c.chosen`,
    );
    const expectedKeys = new Set(expectedRows.map((row) => row.key));
    // An SMS is known by recipient and text; the outbox row says which delivery that was.
    const { rows: smsRows } = await client.query(
      "SELECT delivery_key, recipient, body FROM reminder_deliveries WHERE channel = 'sms'",
    );
    const smsKey = new Map(
      smsRows.map((row) => [`${row.recipient}\n${row.body}`, row.delivery_key]),
    );
    if (smsKey.size !== smsRows.length)
      throw new Error('two SMS deliveries share recipient and text');
    const received = new Map(mailCounts);
    for (const [text, count] of smsCounts) {
      const key = smsKey.get(text) ?? `unmatched sms: ${text}`;
      received.set(key, (received.get(key) ?? 0) + count);
    }
    let duplicates = 0;
    let unexpected = 0;
    for (const [key, count] of received) {
      duplicates += count - 1;
      if (!expectedKeys.has(key)) unexpected += 1;
    }
    const missing = [...expectedKeys].filter((key) => !received.has(key)).length;
    const { rows: window } = await client.query(
      `SELECT channel,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              max(ms) AS max
       FROM (SELECT channel, extract(epoch FROM sent_at - send_started_at) * 1000 AS ms
             FROM reminder_deliveries WHERE status = 'sent') AS t
       GROUP BY channel ORDER BY channel`,
    );
    const { rows: statuses } = await client.query(
      'SELECT status, channel, count(*)::int AS count FROM reminder_deliveries GROUP BY 1, 2 ORDER BY 1, 2',
    );
    const { rows: left } = await client.query(
      'SELECT count(*)::int AS count FROM reminders WHERE notified_occurrence < occurrence',
    );

    log(`ticks: ${JSON.stringify(ticks)} (${tickSeconds.toFixed(1)} s to write the outbox)`);
    log(`rows: ${statuses.map((row) => `${row.status}/${row.channel}=${row.count}`).join(', ')}`);
    log(`reminders not handed over after the run: ${left[0].count}`);
    log(`received: ${mailTotal} emails, ${smsTotal} SMS`);
    log(
      `delivered ${sent} of ${expected} in ${seconds.toFixed(1)} s: ${(sent / seconds).toFixed(0)} deliveries/s`,
    );
    log(`duplicates: ${duplicates}, missing: ${missing}, unexpected: ${unexpected}`);
    for (const row of window) {
      log(
        `window send_started_at → status write (${row.channel}): p50 ${Number(row.p50).toFixed(1)} ms, p99 ${Number(row.p99).toFixed(1)} ms, max ${Number(row.max).toFixed(1)} ms`,
      );
    }
    log(
      `CPU seconds while delivering (${os.cpus().length} cores × ${seconds.toFixed(0)} s): ` +
        [...cpu]
          .sort((a, b) => b[1] - a[1])
          .map(([name, used]) => `${name} ${used.toFixed(1)}`)
          .join(', '),
    );
    if (kernel) {
      log(
        `all cores: user ${kernel.user.toFixed(0)} s, system ${kernel.system.toFixed(0)} s, softirq ${kernel.softirq.toFixed(0)} s, idle ${kernel.idle.toFixed(0)} s`,
      );
    }
    log(`load average at start was ${load1.toFixed(2)}; at the end ${os.loadavg()[0].toFixed(2)}`);
    const ok = seconds < TARGET_SECONDS && duplicates === 0 && missing === 0 && unexpected === 0;
    log(
      ok
        ? `PASS: under ${TARGET_SECONDS} s, no duplicates, none missing`
        : `FAIL: target is under ${TARGET_SECONDS} s, 0 duplicates, 0 missing`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await client.end().catch(() => {});
    await Promise.all(workers.map((worker) => worker.stop()));
    smtp.server.close();
    sms.server.close();
    if (!process.env.BENCH_KEEP_DATABASE) {
      await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } else log(`kept database ${database}`);
  }
}

await main();
