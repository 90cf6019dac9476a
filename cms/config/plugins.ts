import path from 'node:path';
import { createOutboxTransport } from '../src/lib/email/outbox-transport';
import { loadEnv, type PlatformEnv } from '../src/lib/env';

// Compiled to dist/config, so the app root is two levels up.
const appRoot = path.resolve(__dirname, '..', '..');

/**
 * Types the media library refuses, by name, declared type or content: each can run as a page
 * or a script where it is served (the CMS origin is the origin of /admin; a bucket serves a
 * file with the type it was stored under). Files already stored are served as downloads
 * (src/middlewares/static-file-policy.ts).
 */
const ACTIVE_CONTENT_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'application/javascript',
  'text/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/ecmascript',
];

function uploadConfig(env: PlatformEnv) {
  const security = { deniedTypes: ACTIVE_CONTENT_TYPES };
  if (!env.s3Enabled) return { config: { sizeLimit: 10 * 1024 * 1024, security } };
  return {
    config: {
      sizeLimit: 10 * 1024 * 1024,
      security,
      provider: 'aws-s3',
      providerOptions: {
        s3Options: {
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          credentials: {
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          },
          params: {
            Bucket: env.S3_BUCKET,
            ACL: 'private',
            signedUrlExpires: env.S3_SIGNED_URL_EXPIRES,
          },
        },
      },
    },
  };
}

function emailConfig(env: PlatformEnv) {
  const settings = {
    defaultFrom: env.EMAIL_FROM,
    defaultReplyTo: env.EMAIL_REPLY_TO ?? env.EMAIL_FROM,
  };
  const providerOptions = env.smtpEnabled
    ? {
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
      }
    : createOutboxTransport(path.resolve(appRoot, env.MAIL_OUTBOX_DIR));
  return { config: { provider: 'nodemailer', providerOptions, settings } };
}

function remindersConfig(env: PlatformEnv) {
  const [quietStart, quietEnd] = env.REMINDERS_QUIET_HOURS.split('-');
  return {
    tickCron: env.REMINDERS_TICK_CRON,
    timezone: 'Asia/Kathmandu',
    batchSize: env.REMINDERS_BATCH_SIZE,
    maxAttempts: env.REMINDERS_MAX_ATTEMPTS,
    backoffBaseMs: env.REMINDERS_BACKOFF_BASE_MS,
    leaseMs: env.REMINDERS_LEASE_MS,
    workers: env.REMINDERS_WORKERS,
    concurrency: env.REMINDERS_CONCURRENCY,
    quietHours: { start: quietStart, end: quietEnd },
    email: {
      from: env.EMAIL_FROM,
      smtp: env.smtpEnabled
        ? {
            host: env.SMTP_HOST!,
            port: env.SMTP_PORT,
            secure: env.SMTP_SECURE,
            user: env.SMTP_USER,
            password: env.SMTP_PASSWORD,
          }
        : null,
      outboxDir: path.resolve(appRoot, env.MAIL_OUTBOX_DIR),
    },
    sms: {
      provider: env.SMS_PROVIDER,
      baseUrl: env.SMS_BASE_URL ?? null,
      token: env.SMS_TOKEN ?? null,
      sender: env.SMS_SENDER,
      outboxDir: path.resolve(appRoot, env.MAIL_OUTBOX_DIR, 'sms'),
    },
    redisUrl: env.REDIS_URL ?? null,
    queuePrefix: `${env.CACHE_PREFIX}reminders`,
  };
}

function geocodingConfig(env: PlatformEnv) {
  return {
    serviceCenterUid: 'api::service-center.service-center',
    providerUrl: env.GEOCODER_URL ?? null,
    userAgent: env.GEOCODER_USER_AGENT,
    email: env.GEOCODER_EMAIL ?? null,
    timeoutMs: env.GEOCODER_TIMEOUT_MS,
    cacheTtlSeconds: env.GEOCODER_CACHE_TTL_SECONDS,
    minIntervalMs: env.GEOCODER_MIN_INTERVAL_MS,
  };
}

export default () => {
  const env = loadEnv();
  return {
    'users-permissions': {
      config: {
        jwtSecret: env.JWT_SECRET,
        jwtManagement: 'refresh',
        sessions: {
          accessTokenLifespan: 15 * 60,
          maxRefreshTokenLifespan: 7 * 24 * 60 * 60,
          idleRefreshTokenLifespan: 7 * 24 * 60 * 60,
        },
        // Ours, shared through Redis, replaces the stock per-instance limiter (see
        // src/api/identity/auth/auth-route-guards.ts).
        ratelimit: { enabled: false },
        register: { allowedFields: ['displayName', 'preferredLocale'] },
      },
    },
    upload: uploadConfig(env),
    email: emailConfig(env),
    // Local plugin (an npm workspace built by `npm run compile`): see src/plugins/README.md.
    'audit-log': {
      enabled: true,
      resolve: './src/plugins/audit-log',
      config: {
        retentionDays: env.AUDIT_LOG_RETENTION_DAYS,
        enabled: env.AUDIT_LOG_ENABLED,
      },
    },
    // CSV import of news and recalls for admins: see src/api/news/README.md.
    'content-import': {
      enabled: true,
      resolve: './src/plugins/content-import',
    },
    // The reminder outbox and its email/SMS delivery: see src/plugins/reminders/README.md.
    reminders: {
      enabled: true,
      resolve: './src/plugins/reminders',
      config: remindersConfig(env),
    },
    // Coordinates of service centers on save: see src/plugins/geocoding/README.md.
    geocoding: {
      enabled: true,
      resolve: './src/plugins/geocoding',
      config: geocodingConfig(env),
    },
    // Homepage widgets and readable list columns: see src/plugins/admin-console/README.md.
    'admin-console': {
      enabled: true,
      resolve: './src/plugins/admin-console',
    },
  };
};
