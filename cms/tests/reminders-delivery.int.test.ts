import request from 'supertest';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { ensureTable } from '../src/plugins/reminders/server/src/table';
import { readMail } from './smtp';
import {
  startRestartableSmtp,
  startSmsGateway,
  waitUntil,
  type RestartableSmtp,
  type SmsGateway,
} from './support/loopback';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addNotices, createNoticeTable, tableSource } = require('./support/reminder-source.cjs');

const SMS_TOKEN = 'sms-test-token-0123456789';
const ADMIN = { email: 'reminders-admin@example.com', password: 'Reminders-Admin-2026' };

type Row = Record<string, unknown>;

const HOUR = 60 * 60 * 1000;
/** Ticks that write SMS run "an hour ago": never inside this run's quiet hours (below). */
const anHourAgo = () => new Date(Date.now() - HOUR);

const MINUTE = 60 * 1000;
/** "HH:MM" on a Nepal clock (UTC+05:45). */
const nepalClock = (at: number) => new Date(at + 345 * MINUTE).toISOString().slice(11, 16);
/**
 * Quiet hours for this run: from two hours from now to four hours from now (Nepal time), so
 * they never hold a delivery the other tests make at wall-clock time, and the quiet-hours test
 * writes "in the evening" inside them. 21:00-07:00 itself is unit-tested (time.test.ts).
 */
const QUIET_START = Math.floor((Date.now() + 120 * MINUTE) / MINUTE) * MINUTE;
const QUIET_END = QUIET_START + 120 * MINUTE;

/** The reminders plugin on the embedded path (no Redis): in-process drain of the outbox. */
describe('reminder deliveries (embedded dispatch, PostgreSQL, loopback SMTP and SMS)', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let smtp: RestartableSmtp;
  let gateway: SmsGateway;
  let admin: { authorization: string };

  const knex = () => app.strapi.db.connection;
  const plugin = () => app.strapi.plugin('reminders');
  const tick = (now?: Date, options?: { lock?: boolean }) =>
    plugin().service('scheduler').tick(now, options);
  const rows = (prefix: string): Promise<Row[]> =>
    knex()('reminder_deliveries').where('notice_key', 'like', `${prefix}%`).orderBy('delivery_key');
  /** Messages the SMTP server received for one delivery key (our header names it). */
  const mailsFor = (key: string) =>
    smtp.received.filter((mail) =>
      new RegExp(`^X-MotorGhar-Delivery: ${key}\r?$`, 'im').test(mail.raw),
    );
  const allDone = (prefix: string) => async () =>
    (await rows(prefix)).every((row) =>
      ['sent', 'failed', 'unknown'].includes(row.status as string),
    );
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startRestartableSmtp();
    gateway = await startSmsGateway(SMS_TOKEN);
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        EMAIL_FROM: 'MotorGhar <reminders@motorghar.test>',
        SMS_PROVIDER: 'http',
        SMS_BASE_URL: gateway.url,
        SMS_TOKEN,
        SMS_SENDER: 'MotorGhar',
        // Ticks run when a test says so, never on their own.
        REMINDERS_TICK_CRON: '0 0 1 1 *',
        REMINDERS_BACKOFF_BASE_MS: '300',
        REMINDERS_MAX_ATTEMPTS: '4',
        REMINDERS_LEASE_MS: '5000',
        REMINDERS_CONCURRENCY: '5',
        REMINDERS_QUIET_HOURS: `${nepalClock(QUIET_START)}-${nepalClock(QUIET_END)}`,
      }),
    );
    await createNoticeTable(knex());
    plugin().service('sources').register(tableSource(knex()));
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Rem',
      lastname: 'Inder',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    const login = await http().post('/admin/login').send(ADMIN);
    admin = { authorization: `Bearer ${login.body.data.token as string}` };
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await smtp?.stop();
    await gateway?.close();
    await db?.drop();
  });

  it('writes one row per channel the owner chose and delivers each once, with what was sent on record', async () => {
    const nepali =
      'मोटरघर: तपाईंको बजाज पल्सर (बा ४२ प ५५५५) को इन्जिन तेल फेर्ने बेला भयो — २०८३ मंसिर १६ (2026-12-02)। motorghar.com.np/ne';
    const dueAt = new Date(Date.now() - 2 * HOUR);
    const notices = [
      {
        key: 'deliver:1',
        ownerId: 1,
        email: 'ram@example.com',
        phone: '+977 9841000001',
        smsOn: true,
      },
      {
        key: 'deliver:2',
        ownerId: 2,
        email: 'sita@example.com',
        phone: '9851000002',
        locale: 'ne',
        smsOn: true,
        subject: 'इन्जिन तेल फेर्ने बेला भयो',
        body: nepali,
        smsText: nepali,
      },
      {
        key: 'deliver:3',
        ownerId: 3,
        email: 'hari@example.com',
        phone: '9861000003',
        emailOn: false,
        smsOn: false,
      },
      {
        key: 'deliver:4',
        ownerId: 4,
        email: null,
        phone: '9801000004',
        smsOn: true,
        smsText: 'क'.repeat(140),
      },
    ];
    await addNotices(
      knex(),
      notices.map((notice) => ({ ...notice, dueAt })),
    );
    const result = await tick(anHourAgo());
    // Four rows to send (deliver:3 chose no channel; deliver:4's SMS is refused, written failed).
    expect(result).toEqual({ notices: 4, written: 4 });
    await waitUntil(allDone('deliver:'), 20_000, 'deliveries to finish');
    const written = await rows('deliver:');
    expect(written.map((row) => [row.delivery_key, row.status, row.segments])).toEqual([
      ['deliver:1:email', 'sent', null],
      ['deliver:1:sms', 'sent', 1],
      ['deliver:2:email', 'sent', null],
      ['deliver:2:sms', 'sent', 2],
      ['deliver:4:sms', 'failed', 3],
    ]);
    expect(written[4].last_error).toMatch(/3 segments .*kept to 2/);
    expect(written[4].attempts).toBe(0);

    for (const key of ['deliver:1:email', 'deliver:2:email']) expect(mailsFor(key)).toHaveLength(1);
    const mail = await readMail(mailsFor('deliver:2:email')[0]);
    expect(mail.subject).toBe('इन्जिन तेल फेर्ने बेला भयो');
    expect(mail.text.trim()).toBe(nepali);
    expect(mailsFor('deliver:2:email')[0].to).toEqual(['sita@example.com']);

    const sms = gateway.received
      .filter((message) => ['9841000001', '9851000002'].includes(message.to))
      .sort((a, b) => a.to.localeCompare(b.to));
    expect(sms.map((message) => [message.to, message.from, message.token])).toEqual([
      ['9841000001', 'MotorGhar', SMS_TOKEN],
      ['9851000002', 'MotorGhar', SMS_TOKEN],
    ]);
    expect(sms[1].text).toBe(nepali);
    const smsRow = written.find((row) => row.delivery_key === 'deliver:2:sms')!;
    expect(smsRow).toMatchObject({
      recipient: '9851000002',
      locale: 'ne',
      body: nepali,
      attempts: 1,
    });
    expect(smsRow.provider_message_id).toBe(sms[1].messageId);
    expect(smsRow.sent_at).not.toBeNull();
    expect(gateway.received.some((message) => message.to === '9801000004')).toBe(false);

    // Handed over: a second tick finds nothing and writes nothing.
    expect(await tick(anHourAgo())).toEqual({ notices: 0, written: 0 });
  });

  it('two schedulers racing write one delivery per notice and channel, each sent once', async () => {
    const notices = Array.from({ length: 60 }, (_, index) => ({
      key: `race:${index}`,
      ownerId: 100 + index,
      email: `owner${index}@example.com`,
    }));
    await addNotices(knex(), notices);
    const now = new Date();
    // The lock keeps a second tick out; the unlocked ones race on the same notices anyway.
    const results = await Promise.all([
      tick(now),
      tick(now, { lock: false }),
      tick(now, { lock: false }),
    ]);
    const written = results.reduce(
      (sum, result) => sum + ('written' in result ? result.written : 0),
      0,
    );
    expect(written).toBe(60);
    await waitUntil(allDone('race:'), 30_000, 'raced deliveries to finish');
    const raced = await rows('race:');
    expect(raced).toHaveLength(60);
    expect(raced.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    for (const notice of notices) expect(mailsFor(`${notice.key}:email`)).toHaveLength(1);
  });

  it('keeps rows pending while SMTP is down and delivers them once when it returns', async () => {
    await smtp.stop();
    await addNotices(
      knex(),
      ['down:1', 'down:2', 'down:3'].map((key, index) => ({
        key,
        ownerId: 200 + index,
        email: `down${index}@example.com`,
      })),
    );
    await tick();
    await waitUntil(
      async () => (await rows('down:')).every((row) => Number(row.attempts) >= 2),
      20_000,
      'two failed attempts each',
    );
    const waiting = await rows('down:');
    expect(waiting.every((row) => row.status === 'pending' || row.status === 'sending')).toBe(true);
    expect(waiting.map((row) => row.last_error).join('\n')).toMatch(/ECONNREFUSED/);
    expect(mailsFor('down:1:email')).toHaveLength(0);

    await smtp.start();
    await waitUntil(allDone('down:'), 30_000, 'delivery after SMTP returns');
    const done = await rows('down:');
    expect(done.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    for (const key of ['down:1', 'down:2', 'down:3'])
      expect(mailsFor(`${key}:email`)).toHaveLength(1);
  });

  it('holds an SMS due in the quiet hours until they end (Nepal time), and sends the email at once', async () => {
    const evening = new Date(QUIET_START + 30 * MINUTE);
    const morning = new Date(QUIET_END);
    await addNotices(knex(), [
      {
        key: 'quiet:1',
        ownerId: 300,
        email: 'quiet@example.com',
        phone: '9841000300',
        smsOn: true,
        dueAt: evening,
      },
    ]);
    await tick(evening);
    const [email, sms] = await rows('quiet:');
    expect(email).toMatchObject({ channel: 'email', status: 'pending' });
    expect(new Date(email.next_attempt_at as string).toISOString()).toBe(evening.toISOString());
    expect(sms).toMatchObject({ channel: 'sms', status: 'pending' });
    expect(new Date(sms.next_attempt_at as string).toISOString()).toBe(morning.toISOString());

    // The evening comes: the email goes, the SMS stays held.
    await knex()('reminder_deliveries')
      .where({ delivery_key: 'quiet:1:email' })
      .update({ next_attempt_at: new Date() });
    await waitUntil(async () => (await rows('quiet:'))[0].status === 'sent', 10_000, 'the email');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(gateway.received.some((message) => message.to === '9841000300')).toBe(false);
    expect((await rows('quiet:'))[1].status).toBe('pending');

    // The morning comes.
    await knex()('reminder_deliveries')
      .where({ delivery_key: 'quiet:1:sms' })
      .update({ next_attempt_at: new Date() });
    await waitUntil(
      async () => (await rows('quiet:'))[1].status === 'sent',
      10_000,
      'the held SMS',
    );
    expect(gateway.received.filter((message) => message.to === '9841000300')).toHaveLength(1);
  });

  it('backs off and fails at the attempt cap with the gateway answer; an admin retry sends it, audited', async () => {
    gateway.failWith = 503;
    await addNotices(knex(), [
      {
        key: 'cap:1',
        dueAt: new Date(Date.now() - 2 * HOUR),
        ownerId: 400,
        phone: '9841000400',
        emailOn: false,
        smsOn: true,
      },
    ]);
    await tick(anHourAgo());
    await waitUntil(async () => (await rows('cap:'))[0].status === 'failed', 20_000, 'the cap');
    const [failed] = await rows('cap:');
    expect(failed.attempts).toBe(4);
    expect(failed.last_error).toMatch(/^attempt 4: SMS gateway answered 503: .*Gateway busy/);
    gateway.failWith = null;

    expect((await http().post(`/reminders/deliveries/${failed.id}/retry`)).status).toBe(401);
    const list = await http()
      .get('/reminders/deliveries')
      .query({ status: 'failed', channel: 'sms' })
      .set(admin);
    expect(list.status).toBe(200);
    expect(list.body.results.map((row: Row) => row.deliveryKey)).toEqual([
      'cap:1:sms',
      'deliver:4:sms',
    ]);
    const bad = await http().get('/reminders/deliveries').query({ status: 'lost' }).set(admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['status']);

    const retried = await http().post(`/reminders/deliveries/${failed.id}/retry`).set(admin);
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ status: 'pending', attempts: 0 });
    await waitUntil(
      async () => (await rows('cap:'))[0].status === 'sent',
      10_000,
      'the retried SMS',
    );
    expect(gateway.received.filter((message) => message.to === '9841000400')).toHaveLength(1);

    const again = await http().post(`/reminders/deliveries/${failed.id}/retry`).set(admin);
    expect(again.status).toBe(409);
    expect((await http().post('/reminders/deliveries/999999/retry').set(admin)).status).toBe(404);

    await app.strapi.plugin('audit-log').service('log').flush();
    const audit = await knex()('audit_log_entries').where(
      'content_type',
      'plugin::reminders.delivery',
    );
    // Only the admin's retry: the deliveries themselves are never audit rows.
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'reminder-delivery.retry',
      actor_name: ADMIN.email,
      target_document_id: String(failed.id),
    });
  });

  it('exposes due, sent, failed, retried, lag and outbox depth on the app metrics', async () => {
    const services = app.strapi.get('services') as {
      get(uid: string): { render(): Promise<string> };
    };
    const text = await services.get('global::metrics').render();
    expect(text).toMatch(/reminders_due_total\{source="test"\} \d+/);
    expect(text).toMatch(/reminder_deliveries_sent_total\{channel="email"\} \d+/);
    expect(text).toMatch(/reminder_deliveries_sent_total\{channel="sms"\} \d+/);
    expect(text).toMatch(/reminder_deliveries_failed_total\{channel="sms",outcome="failed"\} 1/);
    expect(text).toMatch(/reminder_deliveries_retried_total\{channel="sms",by="admin"\} 1/);
    expect(text).toMatch(/reminder_delivery_lag_seconds_count\{channel="email"\} \d+/);
    expect(text).toMatch(/# TYPE reminder_outbox_depth gauge/);
  });

  it('keeps the PostgreSQL outbox lean: partial indexes of the unfinished rows, the text out of line; an older outbox is brought to the same at boot', async () => {
    const shape = async () => {
      const indexes = (
        await knex().raw(
          "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'reminder_deliveries'",
        )
      ).rows as Array<{ indexname: string; indexdef: string }>;
      const options = (
        await knex().raw(
          "SELECT reloptions FROM pg_class WHERE oid = 'reminder_deliveries'::regclass",
        )
      ).rows[0].reloptions as string[] | null;
      return {
        partial: Object.fromEntries(
          indexes
            .filter((index) => / WHERE /.test(index.indexdef))
            .map((index) => [index.indexname, index.indexdef.replace(/.* WHERE /, '')]),
        ),
        names: indexes.map((index) => index.indexname).sort(),
        options: [...(options ?? [])].sort(),
      };
    };
    const lean = {
      partial: {
        reminder_deliveries_pending_idx: "((status)::text = 'pending'::text)",
        reminder_deliveries_sending_idx: "((status)::text = 'sending'::text)",
        reminder_deliveries_stuck_idx: expect.stringMatching(/failed.*unknown/),
      },
      options: ['fillfactor=80', 'toast_tuple_target=128'],
    };
    expect(await shape()).toMatchObject(lean);
    expect((await shape()).names).not.toContain('reminder_deliveries_status_next_idx');

    // An outbox as the plugin made it before: one index of every row by status, no options.
    for (const name of ['pending', 'sending', 'stuck']) {
      await knex().raw(`DROP INDEX reminder_deliveries_${name}_idx`);
    }
    await knex().raw(
      'CREATE INDEX reminder_deliveries_status_next_idx ON reminder_deliveries (status, next_attempt_at)',
    );
    await knex().raw('ALTER TABLE reminder_deliveries RESET (fillfactor, toast_tuple_target)');
    expect(await shape()).toMatchObject({ partial: {}, options: [] });

    await ensureTable(app.strapi);
    expect(await shape()).toMatchObject(lean);
    expect((await shape()).names).not.toContain('reminder_deliveries_status_next_idx');
  });
});
