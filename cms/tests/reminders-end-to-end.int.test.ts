import path from 'node:path';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { nepalToday } from '../src/api/reminder/rules/calendar';
import { smsSize } from '@motorghar/reminders';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { ownerFixture } from './support/owners';
import { readMail, startSmtpServer, type TestSmtpServer } from './smtp';
import { startSmsGateway, waitUntil, type SmsGateway } from './support/loopback';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const SMS_TOKEN = 'end-to-end-sms-token-0123456789';

/**
 * The whole path an owner relies on, with nothing stood in: the reminders domain decides what
 * is due, the reminders plugin writes the outbox and dispatches through BullMQ on Redis, the
 * message reaches a real SMTP server and an SMS gateway on loopback, in the owner's language.
 */
describe('a due reminder reaches the owner once, in Nepali, by email and SMS', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let smtp: TestSmtpServer;
  let gateway: SmsGateway;
  const owners = ownerFixture(() => app.strapi, 'e2e');
  const tick = (now: Date) => app.strapi.plugin('reminders').service('scheduler').tick(now);
  const deliveries = (ownerId: number) =>
    app.strapi.db.connection('reminder_deliveries').where('owner_id', ownerId).orderBy('channel');

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpServer();
    gateway = await startSmsGateway(SMS_TOKEN);
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        PORTAL_URL: 'https://motorghar.example',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        EMAIL_FROM: 'MotorGhar <reminders@motorghar.test>',
        SMS_PROVIDER: 'http',
        SMS_BASE_URL: gateway.url,
        SMS_TOKEN,
        // Ticks run when the test says so; quiet hours that never hold (a one-minute window
        // at 00:00 Nepal time the ticks below never write in).
        REMINDERS_TICK_CRON: '0 0 1 1 *',
        REMINDERS_QUIET_HOURS: '00:00-00:01',
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await smtp?.close();
    await gateway?.close();
    await db?.drop();
  });

  it('delivers once per channel, in the owner’s language, and never again for that occurrence', async () => {
    const owner = await owners.signUp({
      preferredLocale: 'ne',
      phone: '9841234567',
      notificationChannels: { email: true, sms: true },
    });
    const ownerId = owner.id;
    const post = owner.post;
    const email = owner.email;
    const vehicle = await owners.addVehicle(owner, { year: 2020, odometerKm: 8_000 });
    const today = nepalToday(new Date());
    const reminder = await post('/api/reminders', {
      vehicleId: vehicle.id,
      kind: 'oil-change',
      dueDate: today,
    });
    expect([reminder.status, reminder.body.error]).toEqual([201, undefined]);

    await tick(new Date());
    await waitUntil(
      async () =>
        (await deliveries(ownerId)).length === 2 &&
        (await deliveries(ownerId)).every((row) => row.status === 'sent'),
      30_000,
      'both deliveries sent',
    );

    const mails = smtp.received.filter((mail) => mail.to.includes(email));
    expect(mails).toHaveLength(1);
    const mail = await readMail(mails[0]);
    // Nepali, with the vehicle, what is due, the Bikram Sambat date beside the AD one, a link.
    expect(mail.subject).toMatch(/[\u0900-\u097F]/);
    expect(mail.text).toContain('इन्जिन आयल');
    const ad = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${today}T00:00:00Z`));
    expect(mail.text).toMatch(new RegExp(`[०-९]{4} \\S+ [०-९]{1,2} \\(${ad}\\)`));
    expect(mail.text).toContain('https://motorghar.example/ne/');

    const texts = gateway.received.filter((sms) => sms.to === '9841234567');
    expect(texts).toHaveLength(1);
    expect(texts[0].text).toMatch(/[\u0900-\u097F]/);
    expect(smsSize(texts[0].text).segments).toBeLessThanOrEqual(2);
    const smsRow = (await deliveries(ownerId)).find((row) => row.channel === 'sms');
    expect(smsRow?.segments).toBe(smsSize(texts[0].text).segments);

    // Later ticks find nothing new for this occurrence: no second message on any channel.
    await tick(new Date(Date.now() + 2 * 60_000));
    await tick(new Date(Date.now() + 4 * 60_000));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await deliveries(ownerId)).toHaveLength(2);
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(gateway.received.filter((sms) => sms.to === '9841234567')).toHaveLength(1);
  });

  it('holds the SMS of an owner whose own quiet hours cover now until they end; the email goes at once', async () => {
    const MINUTE = 60_000;
    /** "HH:MM" on a Nepal clock (UTC+05:45). */
    const nepalClock = (at: number) => new Date(at + 345 * MINUTE).toISOString().slice(11, 16);
    const now = Date.now();
    const start = nepalClock(now - 60 * MINUTE);
    const endsAt = Math.floor((now + 120 * MINUTE) / MINUTE) * MINUTE;
    const owner = await owners.signUp({
      phone: '9847654321',
      notificationChannels: { email: true, sms: true },
      quietHours: { start, end: nepalClock(endsAt) },
    });
    const ownerId = owner.id;
    const post = owner.post;
    const vehicle = await owners.addVehicle(owner, { year: 2021, odometerKm: 5_000 });
    const reminder = await post('/api/reminders', {
      vehicleId: vehicle.id,
      kind: 'oil-change',
      dueDate: nepalToday(new Date()),
    });
    expect(reminder.status).toBe(201);

    // The configured quiet hours (00:00-00:01) would let it go now: the owner's hold it.
    await tick(new Date(now));
    await waitUntil(
      async () => (await deliveries(ownerId)).some((row) => row.status === 'sent'),
      30_000,
      'the email sent',
    );
    const [mail, sms] = await deliveries(ownerId);
    expect(mail).toMatchObject({ channel: 'email', status: 'sent' });
    expect(sms).toMatchObject({ channel: 'sms', status: 'pending' });
    expect(new Date(sms.next_attempt_at as string).toISOString()).toBe(
      new Date(endsAt).toISOString(),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(gateway.received.filter((text) => text.to === '9847654321')).toHaveLength(0);

    // Its release at the end of the quiet hours is the dispatcher's (BullMQ delays the job to
    // next_attempt_at); sending a held row at that time is reminders-delivery.int.test.ts's.
  });
});
