import { z } from 'zod';

/** Values shipped in examples that must never reach production. */
const PLACEHOLDER_PATTERN =
  /^(|tobemodified|changeme|change-me|change_me|replace-?me|placeholder|secret|example|xxx+|todo)$/i;

/** Secrets the CMS signs or encrypts with; production refuses to boot without real values. */
export const SECRET_VARIABLES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'METRICS_TOKEN',
] as const;

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port.default(1337),
  PUBLIC_URL: z.string().url().optional(),
  PORTAL_URL: z.string().url().default('http://localhost:4321'),
  CORS_ORIGINS: optionalString,
  SERVE_ADMIN_PANEL: booleanString.default('true'),
  // Admin sign-in attempts per email and address in 5 minutes (Strapi's default is 5).
  ADMIN_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).default('info'),
  // On SIGTERM, how long requests in flight may take to finish before the instance stops.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),

  APP_KEYS: z.string(),
  API_TOKEN_SALT: z.string(),
  ADMIN_JWT_SECRET: z.string(),
  TRANSFER_TOKEN_SALT: z.string(),
  JWT_SECRET: z.string(),
  ENCRYPTION_KEY: z.string(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters'),

  DATABASE_URL: optionalString,
  DATABASE_CLIENT: z.enum(['sqlite', 'postgres']).optional(),
  DATABASE_FILENAME: z.string().default('.tmp/data.db'),
  DATABASE_SSL: booleanString.default('false'),
  DATABASE_POOL_MIN: z.coerce.number().int().min(0).default(0),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),

  REDIS_URL: optionalString,
  COUNTER_REDIS_URL: optionalString,
  CACHE_PREFIX: z.string().default('mg:'),
  GARAGE_CACHE: booleanString.default('true'),
  SIGN_IN_CACHE: booleanString.default('true'),

  S3_ENDPOINT: optionalString,
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: booleanString.default('true'),
  S3_SIGNED_URL_EXPIRES: z.coerce.number().int().min(60).max(604800).default(900),
  UPLOAD_TEMP_DIR: optionalString,
  PRIVATE_FILES_DIR: z.string().default('private'),
  PRIVATE_FILE_URL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  PRIVATE_PHOTO_URL_SECONDS: z.coerce.number().int().min(2).max(86400).default(900),
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  DOCUMENT_UPLOAD_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),

  SMTP_HOST: optionalString,
  SMTP_PORT: port.default(587),
  SMTP_SECURE: booleanString.default('false'),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  EMAIL_FROM: z.string().default('MotorGhar <no-reply@motorghar.local>'),
  EMAIL_REPLY_TO: optionalString,
  MAIL_OUTBOX_DIR: z.string().default('.tmp/outbox'),

  // Range checked by the audit-log plugin's config validator (its message stops the boot).
  AUDIT_LOG_RETENTION_DAYS: z.coerce.number().default(365),
  AUDIT_LOG_ENABLED: booleanString.default('true'),

  // Reminder urgency tiers: "due soon" and "due" (very urgent) within this many days or km.
  REMINDER_DUE_SOON_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REMINDER_DUE_SOON_KM: z.coerce.number().int().min(1).max(100_000).default(500),
  REMINDER_DUE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  REMINDER_DUE_KM: z.coerce.number().int().min(0).max(100_000).default(100),
  // When a reminder is handed to the delivery engine, unless the reminder says otherwise.
  REMINDER_NOTIFY_DAYS_BEFORE: z.coerce.number().int().min(0).max(365).default(7),
  REMINDER_NOTIFY_KM_BEFORE: z.coerce.number().int().min(0).max(100_000).default(300),
  // The reminders a document's expiry date creates: one per value, days before it.
  REMINDER_DOCUMENT_DAYS_BEFORE: z
    .string()
    .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, 'must be comma-separated whole days, e.g. 30,7,1')
    .default('30,7,1')
    .transform((value) => [...new Set(value.split(',').map((day) => Number(day.trim())))]),

  // Ranges checked by the reminders plugin's config validator (its message stops the boot).
  REMINDERS_TICK_CRON: z.string().default('* * * * *'),
  REMINDERS_BATCH_SIZE: z.coerce.number().default(500),
  REMINDERS_MAX_ATTEMPTS: z.coerce.number().default(6),
  REMINDERS_BACKOFF_BASE_MS: z.coerce.number().default(30000),
  REMINDERS_LEASE_MS: z.coerce.number().default(120000),
  REMINDERS_CONCURRENCY: z.coerce.number().default(20),
  REMINDERS_WORKERS: booleanString.default('true'),
  REMINDERS_QUIET_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must be HH:MM-HH:MM (Nepal time)')
    .default('21:00-07:00'),
  SMS_PROVIDER: z.enum(['outbox', 'http']).default('outbox'),
  SMS_BASE_URL: optionalString,
  SMS_TOKEN: optionalString,
  SMS_SENDER: z.string().default('MotorGhar'),

  // The geocoding plugin (ranges checked by its config validator; its message stops the boot).
  GEOCODER_URL: optionalString,
  GEOCODER_USER_AGENT: z.string().default('MotorGhar/1.0 (service center map)'),
  GEOCODER_EMAIL: optionalString,
  GEOCODER_TIMEOUT_MS: z.coerce.number().default(2000),
  GEOCODER_CACHE_TTL_SECONDS: z.coerce.number().default(2_592_000),
  GEOCODER_MIN_INTERVAL_MS: z.coerce.number().default(1000),

  SEED_DEMO_DATA: booleanString.default('false'),
  CATALOG_DATA_DIR: optionalString,
  ADMIN_EMAIL: optionalString,
  ADMIN_PASSWORD: optionalString,
  DEMO_OWNER_EMAIL: optionalString,
  DEMO_OWNER_PASSWORD: optionalString,
});

/** Every variable the CMS reads. */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

export type PlatformEnv = z.infer<typeof envSchema> & {
  databaseClient: 'sqlite' | 'postgres';
  s3Enabled: boolean;
  smtpEnabled: boolean;
  appKeys: string[];
};

/** Raised when the environment cannot run the CMS; the message names every bad variable. */
export class EnvConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvConfigError';
  }
}

/** Settings no longer read, with what replaced them; left set, they refuse the boot. */
export const RETIRED_VARIABLES: Record<string, string> = {
  TRUST_PROXY:
    'TRUST_PROXY is no longer read: set PROXY_HOPS to the number of proxies in front of the CMS (0 = none, 1 behind the portal) and remove TRUST_PROXY',
};

/**
 * Shortest signing or encryption secret production accepts: 32 characters of a random
 * base64 string carry about 190 bits, beyond any guessing, and HS256 keys shorter than its
 * 256-bit output only weaken it. `openssl rand -base64 32` gives 44. ENCRYPTION_KEY is hashed
 * to a 256-bit AES key by Strapi, so it needs no exact length.
 */
export const MIN_SECRET_LENGTH = 32;
const LENGTH_CHECKED = [
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;
const tooShort = (name: string) =>
  `${name} must be at least ${MIN_SECRET_LENGTH} characters in production (openssl rand -base64 32)`;

function secretLengthProblems(source: NodeJS.ProcessEnv): string[] {
  const problems = LENGTH_CHECKED.filter((name) => {
    const value = source[name]?.trim();
    return value && !PLACEHOLDER_PATTERN.test(value) && value.length < MIN_SECRET_LENGTH;
  }).map(tooShort);
  const appKeys = source.APP_KEYS?.trim();
  // Each key signs cookies on its own; the whole list never matched a placeholder.
  appKeys?.split(',').forEach((key, index) => {
    const name = `APP_KEYS key ${index + 1}`;
    const trimmed = key.trim();
    if (trimmed && PLACEHOLDER_PATTERN.test(trimmed)) {
      problems.push(`${name} still holds the placeholder "${trimmed}"; set a real secret`);
    } else if (trimmed.length < MIN_SECRET_LENGTH) {
      problems.push(tooShort(name));
    }
  });
  return problems;
}

const S3_VARIABLES = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

function secretProblems(source: NodeJS.ProcessEnv, production: boolean): string[] {
  return SECRET_VARIABLES.flatMap((name) => {
    const value = source[name]?.trim();
    if (!value) {
      const hint = production ? '' : ' (run `npm run dev` once to generate development secrets)';
      return [`${name} is missing${hint}`];
    }
    if (production && PLACEHOLDER_PATTERN.test(value)) {
      return [`${name} still holds the placeholder "${value}"; set a real secret`];
    }
    return [];
  });
}

function s3Problems(env: z.infer<typeof envSchema>): string[] {
  const present = S3_VARIABLES.filter((name) => env[name] !== undefined);
  if (present.length === 0 || present.length === S3_VARIABLES.length) return [];
  return S3_VARIABLES.filter((name) => env[name] === undefined).map(
    (name) => `${name} is missing (S3 storage needs ${S3_VARIABLES.join(', ')})`,
  );
}

/**
 * Parses and validates the CMS environment. Throws {@link EnvConfigError} naming every
 * variable that is missing or wrong, so a misconfigured instance never half-starts.
 */
export function parseEnv(rawSource: NodeJS.ProcessEnv = process.env): PlatformEnv {
  // An empty value means "not set", as in config/.env.example and compose env files.
  const source = Object.fromEntries(
    Object.entries(rawSource).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = envSchema.safeParse(source);
  const production = source.NODE_ENV === 'production';
  const problems = secretProblems(source, production);
  if (production) problems.push(...secretLengthProblems(source));
  problems.push(
    ...Object.keys(RETIRED_VARIABLES).flatMap((name) =>
      source[name] ? [RETIRED_VARIABLES[name]] : [],
    ),
  );
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join('.');
      if (SECRET_VARIABLES.includes(name as (typeof SECRET_VARIABLES)[number]) && !source[name]) {
        continue;
      }
      problems.push(`${name}: ${issue.message}`);
    }
  }
  if (result.success) problems.push(...s3Problems(result.data));
  if (problems.length > 0 || !result.success) throw new EnvConfigError(problems);

  const env = result.data;
  const databaseClient = env.DATABASE_CLIENT ?? (env.DATABASE_URL ? 'postgres' : 'sqlite');
  return {
    ...env,
    databaseClient,
    s3Enabled: env.S3_BUCKET !== undefined,
    smtpEnabled: env.SMTP_HOST !== undefined,
    appKeys: env.APP_KEYS.split(',').map((key) => key.trim()),
  };
}

/** The validated environment of this process. */
export function loadEnv(): PlatformEnv {
  return parseEnv(process.env);
}
