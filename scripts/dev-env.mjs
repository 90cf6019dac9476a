// The environment `npm run dev` gives each process, apart from dev.mjs so it can be tested.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** Where people open the CMS (admin panel) and the portal. */
export const CMS_URL = 'http://localhost:1337';
export const PORTAL_URL = 'http://localhost:4321';
/** Where the portal's server (and dev.mjs) reach the CMS: the one address it listens on. */
export const CMS_INTERNAL_URL = 'http://127.0.0.1:1337';

/**
 * The chain of client addresses, as docker compose sets it: the portal is the one proxy in
 * front of the CMS (PROXY_HOPS=1: it trusts the one X-Forwarded-For value the portal writes),
 * so the CMS listens on loopback only, where nothing but the portal (and this machine's
 * browser, for the admin panel) reaches it. A CMS reachable otherwise with PROXY_HOPS=1 would
 * let every caller name its own address. Not settings: .env cannot change them here.
 */
export const CMS_CHAIN = { HOST: '127.0.0.1', PROXY_HOPS: '1' };
/** Nothing stands in front of the dev portal: each visitor's address is its socket's. */
export const PORTAL_CHAIN = { PORTAL_PROXY_HOPS: '0' };

const secret = () => randomBytes(32).toString('base64url');
const password = () => `Ghar-${randomBytes(6).toString('hex')}-A1`;

/** Development values for every variable the platform needs to boot locally. */
export function developmentDefaults() {
  return {
    NODE_ENV: 'development',
    APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    METRICS_TOKEN: secret(),
    SEED_DEMO_DATA: 'true',
    ADMIN_EMAIL: 'admin@motorghar.local',
    ADMIN_PASSWORD: password(),
    DEMO_OWNER_EMAIL: 'owner@motorghar.local',
    DEMO_OWNER_PASSWORD: password(),
  };
}

/**
 * Creates `envFile` on first run and adds any variable a newer version needs; keeps the rest
 * as written. Returns its settings and the names it added.
 */
export function ensureEnvFile(envFile) {
  const existing = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
  const current = parseEnv(existing);
  const missing = Object.entries(developmentDefaults()).filter(([name]) => !(name in current));
  if (missing.length > 0) {
    const header = existing
      ? ''
      : '# Made by `npm run dev` for this machine only. Never use these values in production.\n';
    const lines = missing.map(([name, value]) => `${name}=${value}`).join('\n');
    const separator = existing && !existing.endsWith('\n') ? '\n' : '';
    writeFileSync(envFile, `${existing}${separator}${header}${lines}\n`, { mode: 0o600 });
  }
  return {
    settings: parseEnv(readFileSync(envFile, 'utf8')),
    added: missing.map(([name]) => name),
  };
}

/**
 * Each process's environment: the shell's, then .env's settings, then what the chain of
 * addresses fixes (the last word, as compose's `environment:` has over its `env_file`).
 * `ignored` lists the settings of .env or the shell that the chain replaced.
 */
export function processEnvironments(settings, base = process.env) {
  const shared = { ...base, ...settings, PORTAL_URL, CMS_URL: CMS_INTERNAL_URL };
  const ignored = Object.entries({ ...CMS_CHAIN, ...PORTAL_CHAIN })
    .filter(([name, value]) => shared[name] !== undefined && shared[name] !== value)
    .map(([name]) => `${name}=${shared[name]}`);
  return {
    cms: { ...shared, ...CMS_CHAIN },
    portal: { ...shared, ...PORTAL_CHAIN },
    ignored,
  };
}
