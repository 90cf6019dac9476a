import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import {
  startRestartableSmtp,
  startSmsGateway,
  waitUntil,
  type RestartableSmtp,
  type SmsGateway,
} from './support/loopback';
import { ENV_VARIABLES, RETIRED_VARIABLES } from '../src/lib/env';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addNotices, createNoticeTable } = require('./support/reminder-source.cjs');

const WORKER = path.join(__dirname, 'support', 'reminder-worker.cjs');
const SMS_TOKEN = 'sms-test-token-workers-0123456789';
const HOUR = 60 * 60 * 1000;
type Row = Record<string, unknown>;

/** The last 12:00 Nepal time before now, so quiet hours never hold these SMS. */
function lastNepalNoon(): Date {
  const noon = new Date();
  noon.setUTCHours(6, 15, 0, 0);
  if (noon.getTime() > Date.now()) noon.setUTCDate(noon.getUTCDate() - 1);
  return noon;
}

interface Worker {
  child: ChildProcess;
  exited: Promise<number | null>;
  tick(at: Date): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Each CMS worker is a process of its own (the honest way to kill one): the compiled CMS
 * with the same database, Redis queue, SMTP and SMS gateway as its siblings.
 */
describe('reminder deliveries across worker processes (BullMQ on Redis, crashes, leases)', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let smtp: RestartableSmtp;
  let gateway: SmsGateway;
  let env: Record<string, string | undefined>;
  const workers: Worker[] = [];

  const knex = () => app.strapi.db.connection;
  const rows = (prefix: string): Promise<Row[]> =>
    knex()('reminder_deliveries').where('notice_key', 'like', `${prefix}%`).orderBy('delivery_key');
  const mailsFor = (key: string) =>
    smtp.received.filter((mail) =>
      new RegExp(`^X-MotorGhar-Delivery: ${key}\\r?$`, 'im').test(mail.raw),
    );

  function startWorker(extra: Record<string, string> = {}): Promise<Worker> {
    const inherited = { ...process.env };
    for (const name of [...ENV_VARIABLES, ...Object.keys(RETIRED_VARIABLES)])
      delete inherited[name];
    const child = fork(WORKER, [], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...inherited, ...env, REMINDERS_WORKERS: 'true', LOG_LEVEL: 'warn', ...extra },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (chunk: Buffer) =>
      process.stderr.write(`[worker ${child.pid}] ${chunk}`),
    );
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    const next = (type: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const onMessage = (message: Record<string, unknown>) => {
          if (message.type === type) {
            child.off('message', onMessage);
            resolve(message);
          } else if (message.type === 'error') reject(new Error(String(message.message)));
        };
        child.on('message', onMessage);
        void exited.then((code) => reject(new Error(`worker exited (${code}) before ${type}`)));
      });
    const worker: Worker = {
      child,
      exited,
      async tick(at) {
        const reply = next('ticked');
        child.send({ type: 'tick', at: at.toISOString() });
        return (await reply).result;
      },
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.send({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      },
    };
    workers.push(worker);
    return next('ready').then(() => worker);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startRestartableSmtp();
    gateway = await startSmsGateway(SMS_TOKEN);
    env = testEnv({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMS_PROVIDER: 'http',
      SMS_BASE_URL: gateway.url,
      SMS_TOKEN,
      REMINDERS_TICK_CRON: '0 0 1 1 *',
      REMINDERS_LEASE_MS: '3000',
      REMINDERS_BACKOFF_BASE_MS: '500',
      REMINDERS_CONCURRENCY: '10',
    });
    // This process only writes notices and reads rows: it sends nothing itself.
    app = await bootStrapi({ ...env, REMINDERS_WORKERS: 'false' });
    await createNoticeTable(knex());
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await app?.strapi.destroy();
    await smtp?.stop();
    await gateway?.close();
    await db?.drop();
  }, 60_000);

  it('a worker killed after claiming and one killed after sending: the first is delivered once after the lease, the second never twice (unknown)', async () => {
    const dueAt = new Date(lastNepalNoon().getTime() - HOUR);
    await addNotices(knex(), [
      { key: 'crash-claim:1', ownerId: 1, email: 'claim@example.com', dueAt },
    ]);
    const first = await startWorker({ REMINDER_TEST_CRASH: 'after-claim:crash-claim:' });
    void first.tick(lastNepalNoon()).catch(() => undefined);
    expect(await first.exited).toBe(86);
    const [claimed] = await rows('crash-claim:');
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1, send_started_at: null });
    expect(mailsFor('crash-claim:1:email')).toHaveLength(0);

    await addNotices(knex(), [
      { key: 'crash-send:1', ownerId: 2, email: 'send@example.com', dueAt },
    ]);
    const second = await startWorker({ REMINDER_TEST_CRASH: 'after-send:crash-send:' });
    void second.tick(lastNepalNoon()).catch(() => undefined);
    expect(await second.exited).toBe(86);
    expect(mailsFor('crash-send:1:email')).toHaveLength(1);

    // A healthy worker comes up: expired leases are settled by what the row says.
    await startWorker();
    // Generous: in two full CI runs this took over 30 s (it takes a few seconds alone); the
    // property is "sent once", not how soon, and the cause of the slow runs is not known yet.
    await waitUntil(
      async () => (await rows('crash-claim:'))[0].status === 'sent',
      90_000,
      'the claimed-then-killed delivery to be sent',
    );
    await waitUntil(
      async () => (await rows('crash-send:'))[0].status === 'unknown',
      30_000,
      'the sent-then-killed delivery to be marked unknown',
    );
    // Time for any wrong resend (stalled job, sweep) to happen, then count.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(mailsFor('crash-claim:1:email')).toHaveLength(1);
    expect(mailsFor('crash-send:1:email')).toHaveLength(1);
    const [unknown] = await rows('crash-send:');
    expect(unknown.status).toBe('unknown');
    expect(unknown.send_started_at).not.toBeNull();
    expect(unknown.last_error).toMatch(/not sent again automatically/);
    const [sent] = await rows('crash-claim:');
    expect(sent.attempts).toBe(2);
  }, 300_000);

  it('two worker processes sharing one BullMQ queue, both ticking: every notice delivered once per channel', async () => {
    const dueAt = new Date(lastNepalNoon().getTime() - HOUR);
    const notices = Array.from({ length: 300 }, (_, index) => ({
      key: `shared:${index}`,
      ownerId: 1000 + index,
      email: `shared${index}@example.com`,
      phone: index % 3 === 0 ? `98410${String(index).padStart(5, '0')}` : null,
      smsOn: index % 3 === 0,
      dueAt,
    }));
    await addNotices(knex(), notices);
    const other = await startWorker();
    const healthy = workers.filter((worker) => worker.child.exitCode === null);
    expect(healthy.length).toBeGreaterThanOrEqual(2);
    const noon = lastNepalNoon();
    await Promise.all(healthy.map((worker) => worker.tick(noon)));
    await waitUntil(
      async () => (await rows('shared:')).every((row) => row.status === 'sent'),
      60_000,
      'all shared deliveries',
    );
    const written = await rows('shared:');
    expect(written).toHaveLength(400);
    for (const notice of notices) expect(mailsFor(`${notice.key}:email`)).toHaveLength(1);
    const sms = gateway.received.filter((message) => message.to.startsWith('98410'));
    expect(sms).toHaveLength(100);
    expect(new Set(sms.map((message) => message.to)).size).toBe(100);
    expect(written.every((row) => row.attempts === 1)).toBe(true);
    await other.stop();
  }, 180_000);
});
