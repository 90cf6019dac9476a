#!/usr/bin/env node
// `npm run dev`: the whole platform on the embedded default (SQLite, local files,
// in-process cache, mail to an outbox folder), with development secrets and demo logins.
import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  CMS_INTERNAL_URL,
  CMS_URL,
  ensureEnvFile,
  PORTAL_URL,
  processEnvironments,
} from './dev-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const envFile = path.join(root, '.env');

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
      const response = await fetch(`${CMS_INTERNAL_URL}/healthz`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

const { settings, added } = ensureEnvFile(envFile);
if (added.length > 0) console.log(`[dev] wrote ${added.length} development settings to .env`);
const environments = processEnvironments(settings);
if (environments.ignored.length > 0) {
  console.log(
    `[dev] not used: ${environments.ignored.join(', ')} (the CMS listens on 127.0.0.1 behind ` +
      'the portal, its one trusted proxy; see README "Client addresses")',
  );
}
const children = [
  start('cms', ['run', 'develop', '-w', 'cms'], environments.cms),
  // Rebuilds each local plugin on change; `strapi develop` restarts on its build stamp.
  start('plugins', ['run', 'plugins:watch', '-w', 'cms'], environments.cms),
  start('portal', ['run', 'dev', '-w', 'storefront'], environments.portal),
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
