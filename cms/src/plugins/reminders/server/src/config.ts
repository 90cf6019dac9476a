import { TIMEZONE } from './constants';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

export interface RemindersConfig {
  /** When the tick looks for due notices (cron, 5 or 6 fields), in Nepal time. */
  tickCron: string;
  /** Fixed: reminders are about Nepal's days; anything else stops the boot. */
  timezone: typeof TIMEZONE;
  /** Notices pulled from a source per query, and deliveries claimed per drain round. */
  batchSize: number;
  /** Attempts before a delivery is failed for good (an admin can still retry it). */
  maxAttempts: number;
  /** First retry after this many ms, doubling each attempt, capped at six hours. */
  backoffBaseMs: number;
  /** A claim older than this is a dead worker's; it must exceed one provider call. */
  leaseMs: number;
  /** Off: this instance writes and queues deliveries but sends none (API-only instances). */
  workers: boolean;
  /** Deliveries sent at once by this instance (BullMQ worker concurrency / drain width). */
  concurrency: number;
  /** No SMS from `start` to `end`, Nepal time ("HH:MM"); held until `end`. */
  quietHours: { start: string; end: string };
  email: { from: string; smtp: SmtpSettings | null; outboxDir: string };
  sms: {
    provider: 'http' | 'outbox';
    baseUrl: string | null;
    token: string | null;
    sender: string;
    outboxDir: string;
  };
  /** BullMQ dispatch when set; the in-process drain otherwise. */
  redisUrl: string | null;
  queuePrefix: string;
}

const CRON_FIELD = /^[\d*/,-]+$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const wholeNumber = (name: string, value: unknown, min: number, max: number) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
};

/**
 * Strapi calls this with the merged config at boot; a throw stops the boot with
 * "Error regarding reminders config: <message>".
 */
export function validateConfig(config: unknown): asserts config is RemindersConfig {
  const value = config as Partial<RemindersConfig>;
  const fields = typeof value.tickCron === 'string' ? value.tickCron.trim().split(/\s+/) : [];
  if (fields.length < 5 || fields.length > 6 || !fields.every((field) => CRON_FIELD.test(field))) {
    throw new Error(
      `tickCron must be a cron rule of 5 or 6 numeric fields, got ${JSON.stringify(value.tickCron)}`,
    );
  }
  if (value.timezone !== TIMEZONE) {
    throw new Error(`timezone must be ${TIMEZONE}, got ${JSON.stringify(value.timezone)}`);
  }
  wholeNumber('batchSize', value.batchSize, 1, 10_000);
  wholeNumber('maxAttempts', value.maxAttempts, 1, 50);
  wholeNumber('backoffBaseMs', value.backoffBaseMs, 100, 24 * 60 * 60 * 1000);
  wholeNumber('leaseMs', value.leaseMs, 1000, 60 * 60 * 1000);
  if (typeof value.workers !== 'boolean') {
    throw new Error(`workers must be true or false, got ${JSON.stringify(value.workers)}`);
  }
  wholeNumber('concurrency', value.concurrency, 1, 200);
  const quiet = value.quietHours;
  if (!quiet || !CLOCK.test(String(quiet.start)) || !CLOCK.test(String(quiet.end))) {
    throw new Error(
      `quietHours must be { start: "HH:MM", end: "HH:MM" }, got ${JSON.stringify(quiet)}`,
    );
  }
  if (!value.email || typeof value.email.from !== 'string' || !value.email.from.includes('@')) {
    throw new Error(
      `email.from must be a sender address, got ${JSON.stringify(value.email?.from)}`,
    );
  }
  const sms = value.sms;
  if (!sms || (sms.provider !== 'http' && sms.provider !== 'outbox')) {
    throw new Error(
      `sms.provider must be "http" or "outbox", got ${JSON.stringify(sms?.provider)}`,
    );
  }
  if (sms.provider === 'http') {
    if (!sms.baseUrl || !/^https?:\/\//.test(sms.baseUrl)) {
      throw new Error(
        `sms.baseUrl must be an http(s) URL for the http provider, got ${JSON.stringify(sms.baseUrl)}`,
      );
    }
    if (!sms.token) throw new Error('sms.token is required for the http provider');
  }
  if (typeof sms.sender !== 'string' || sms.sender.trim() === '') {
    throw new Error('sms.sender must be the sender id the gateway registered');
  }
  if (value.redisUrl !== null && typeof value.redisUrl !== 'string') {
    throw new Error(
      `redisUrl must be a redis:// URL or null, got ${JSON.stringify(value.redisUrl)}`,
    );
  }
}

export const DEFAULT_CONFIG: RemindersConfig = {
  tickCron: '* * * * *',
  timezone: TIMEZONE,
  batchSize: 500,
  maxAttempts: 6,
  backoffBaseMs: 30_000,
  leaseMs: 120_000,
  workers: true,
  concurrency: 20,
  quietHours: { start: '21:00', end: '07:00' },
  email: { from: 'MotorGhar <no-reply@motorghar.local>', smtp: null, outboxDir: '.tmp/outbox' },
  sms: {
    provider: 'outbox',
    baseUrl: null,
    token: null,
    sender: 'MotorGhar',
    outboxDir: '.tmp/outbox/sms',
  },
  redisUrl: null,
  queuePrefix: 'mg:reminders',
};

export default { default: DEFAULT_CONFIG, validator: validateConfig };
