#!/usr/bin/env node
// `npm run dev`: the whole platform on the embedded default (SQLite, local files,
// in-process cache, mail to an outbox folder), with development secrets and demo logins.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const envFile = path.join(root, '.env');
const CMS_URL = 'http://localhost:1337';
const PORTAL_URL = 'http://localhost:4321';

const secret = () => randomBytes(32).toString('base64url');
const password = () => `Ghar-${randomBytes(6).toString('hex')}-A1`;

/** Development values for every variable the platform needs to boot locally. */
function developmentDefaults() {
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

/** Creates `.env` on first run and adds any variable a newer version needs; keeps the rest. */
function ensureEnvFile() {
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
    console.log(`[dev] wrote ${missing.length} development settings to .env`);
  }
  return parseEnv(readFileSync(envFile, 'utf8'));
}

function start(name, args, env) {
  const child = spawn('npm', args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (stream, out) => {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

async function waitForCms(signal) {
  while (!signal.aborted) {
    try {
      const response = await fetch(`${CMS_URL}/healthz`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

const settings = ensureEnvFile();
const env = { ...process.env, ...settings, PORTAL_URL, CMS_URL: 'http://127.0.0.1:1337' };
const children = [
  start('cms', ['run', 'develop', '-w', 'cms'], env),
  // Rebuilds each local plugin on change; `strapi develop` restarts on its build stamp.
  start('plugins', ['run', 'plugins:watch', '-w', 'cms'], env),
  start('portal', ['run', 'dev', '-w', 'storefront'], env),
];

const stopped = new AbortController();
function stopAll(code) {
  if (stopped.signal.aborted) return;
  stopped.abort();
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
for (const child of children) {
  child.on('exit', (code) => {
    console.error(`[dev] a process stopped (exit ${code}); stopping the others`);
    stopAll(code ?? 1);
  });
}

if (await waitForCms(stopped.signal)) {
  console.log(`
┌──────────────────────────────────────────────────────────────────────
│ MotorGhar is running (Ctrl-C stops everything)
│   Owner portal   ${PORTAL_URL}/en   (Nepali: ${PORTAL_URL}/ne)
│   Admin panel    ${CMS_URL}/admin
│     admin login  ${settings.ADMIN_EMAIL} / ${settings.ADMIN_PASSWORD}
│   Demo owner     ${settings.DEMO_OWNER_EMAIL} / ${settings.DEMO_OWNER_PASSWORD}
│   Outbox mail    cms/.tmp/outbox/*.eml
│   Health         ${CMS_URL}/readyz
└──────────────────────────────────────────────────────────────────────`);
}
