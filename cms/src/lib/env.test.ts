import { throwawaySecrets } from '../../scripts/throwaway-secrets';
import { EnvConfigError, parseEnv, SECRET_VARIABLES } from './env';

const realSecrets = Object.fromEntries(
  SECRET_VARIABLES.map((name) => [name, `${name.toLowerCase()}-0123456789abcdef-0123456789abcdef`]),
);

const build = (overrides: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'production',
  ...realSecrets,
  ...overrides,
});

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('environment validation', () => {
  it('accepts a complete production environment, on SQLite and the in-process cache', () => {
    const env = parseEnv(build());
    expect(env.databaseClient).toBe('sqlite');
    expect(env.s3Enabled).toBe(false);
    expect(env.smtpEnabled).toBe(false);
    expect(env.PORT).toBe(1337);
  });

  it.each(SECRET_VARIABLES)('refuses production without %s, naming it', (name) => {
    const problems = problemsOf(build({ [name]: undefined }));
    expect(problems).toEqual([expect.stringContaining(`${name} is missing`)]);
  });

  it.each(['tobemodified', 'changeme', 'placeholder'])(
    'refuses a production secret left as "%s"',
    (placeholder) => {
      const problems = problemsOf(build({ JWT_SECRET: placeholder }));
      expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET still holds the placeholder/)]);
    },
  );

  it('allows placeholder secrets outside production but still requires them', () => {
    expect(problemsOf(build({ NODE_ENV: 'development', JWT_SECRET: 'tobemodified' }))).toEqual([]);
    expect(problemsOf(build({ NODE_ENV: 'development', JWT_SECRET: undefined }))).toEqual([
      expect.stringContaining('npm run dev'),
    ]);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const env = parseEnv(build({ DATABASE_URL: 'postgres://u@db:5432/motorghar' }));
    expect(env.databaseClient).toBe('postgres');
  });

  it('names a malformed variable', () => {
    expect(problemsOf(build({ PORT: 'eighty' }))).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf(build({ SERVE_ADMIN_PANEL: 'maybe' }))).toEqual([
      expect.stringMatching(/^SERVE_ADMIN_PANEL: /),
    ]);
  });

  it('names the S3 variables missing from a partial S3 configuration', () => {
    const problems = problemsOf(build({ S3_BUCKET: 'motorghar' }));
    expect(problems).toEqual([
      expect.stringMatching(/^S3_ACCESS_KEY_ID is missing/),
      expect.stringMatching(/^S3_SECRET_ACCESS_KEY is missing/),
    ]);
  });

  it('turns on S3 and SMTP when configured', () => {
    const env = parseEnv(
      build({
        S3_BUCKET: 'motorghar',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'key',
        SMTP_HOST: 'mailpit',
      }),
    );
    expect(env.s3Enabled).toBe(true);
    expect(env.smtpEnabled).toBe(true);
  });

  it('reads X-Forwarded-For from no proxy unless PROXY_HOPS says how many there are', () => {
    expect(parseEnv(build()).PROXY_HOPS).toBe(0);
    expect(parseEnv(build({ PROXY_HOPS: '1' })).PROXY_HOPS).toBe(1);
    expect(problemsOf(build({ PROXY_HOPS: '-1' }))).toEqual([
      expect.stringMatching(/^PROXY_HOPS: /),
    ]);
    expect(problemsOf(build({ PROXY_HOPS: 'true' }))).toEqual([
      expect.stringMatching(/^PROXY_HOPS: /),
    ]);
  });

  it('refuses a leftover TRUST_PROXY, naming PROXY_HOPS', () => {
    expect(problemsOf(build({ TRUST_PROXY: 'true' }))).toEqual([
      expect.stringMatching(/^TRUST_PROXY is no longer read: set PROXY_HOPS/),
    ]);
  });

  it.each([
    'JWT_SECRET',
    'ADMIN_JWT_SECRET',
    'API_TOKEN_SALT',
    'TRANSFER_TOKEN_SALT',
    'ENCRYPTION_KEY',
  ])('refuses a production %s shorter than 32 characters, naming it', (name) => {
    expect(problemsOf(build({ [name]: 'a'.repeat(31) }))).toEqual([
      `${name} must be at least 32 characters in production (openssl rand -base64 32)`,
    ]);
    expect(problemsOf(build({ [name]: 'a'.repeat(32) }))).toEqual([]);
  });

  it('refuses production APP_KEYS with any key shorter than 32 characters, naming which', () => {
    const long = 'k'.repeat(32);
    expect(problemsOf(build({ APP_KEYS: `${long},${long}` }))).toEqual([]);
    expect(problemsOf(build({ APP_KEYS: `${long},short` }))).toEqual([
      'APP_KEYS key 2 must be at least 32 characters in production (openssl rand -base64 32)',
    ]);
    expect(problemsOf(build({ APP_KEYS: `${long},,${long}` }))).toEqual([
      'APP_KEYS key 2 must be at least 32 characters in production (openssl rand -base64 32)',
    ]);
    expect(problemsOf(build({ APP_KEYS: `${long},tobemodified` }))).toEqual([
      'APP_KEYS key 2 still holds the placeholder "tobemodified"; set a real secret',
    ]);
  });

  it('accepts short secrets outside production, where throwaway values are fine', () => {
    expect(
      problemsOf(build({ NODE_ENV: 'development', JWT_SECRET: 'short', APP_KEYS: 'a,b' })),
    ).toEqual([]);
  });

  it('accepts the throwaway secrets the scripts generate, even in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', ...throwawaySecrets() })).toEqual([]);
  });
});
