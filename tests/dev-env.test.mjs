// `npm run dev`'s environments: the CMS behind the portal as in docker compose, and a
// developer's .env kept as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CMS_CHAIN, ensureEnvFile, processEnvironments } from '../scripts/dev-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('the dev CMS listens on loopback only and trusts exactly one hop, the portal, whatever .env or the shell says', () => {
  const settings = { HOST: '0.0.0.0', PROXY_HOPS: '0', JWT_SECRET: 'from-env-file' };
  const shell = { PROXY_HOPS: '3', HOST: '::', PATH: '/usr/bin' };
  const { cms, portal, ignored } = processEnvironments(settings, shell);
  assert.equal(cms.HOST, '127.0.0.1');
  assert.equal(cms.PROXY_HOPS, '1');
  assert.equal(cms.JWT_SECRET, 'from-env-file');
  assert.equal(cms.PATH, '/usr/bin');
  // The portal reaches the CMS where it listens, and takes visitors' addresses from sockets.
  assert.equal(portal.CMS_URL, 'http://127.0.0.1:1337');
  assert.equal(portal.PORTAL_PROXY_HOPS, '0');
  assert.equal(portal.JWT_SECRET, 'from-env-file');
  assert.deepEqual(ignored, ['HOST=0.0.0.0', 'PROXY_HOPS=0']);
});

test('a dev environment that already agrees reports nothing ignored', () => {
  const { cms, ignored } = processEnvironments({ HOST: '127.0.0.1' }, {});
  assert.equal(cms.PROXY_HOPS, '1');
  assert.deepEqual(ignored, []);
});

test('the CMS chain is the one docker compose sets: one trusted hop, published on loopback only', () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
  const cms = compose.services.cms;
  assert.equal(String(cms.environment.PROXY_HOPS), CMS_CHAIN.PROXY_HOPS);
  assert.ok(cms.ports.every((port) => String(port).startsWith(`${CMS_CHAIN.HOST}:`)));
});

test('dev.mjs and the browser-test servers start the CMS and the portal with these environments', () => {
  const dev = readFileSync(path.join(root, 'scripts', 'dev.mjs'), 'utf8');
  assert.match(dev, /start\('cms', \[[^\]]*\], environments\.cms\)/);
  assert.match(dev, /start\('portal', \[[^\]]*\], environments\.portal\)/);
  const e2eCms = readFileSync(path.join(root, 'e2e', 'servers', 'cms.mjs'), 'utf8');
  assert.match(e2eCms, /\.\.\.CMS_CHAIN,/);
  const e2ePortal = readFileSync(path.join(root, 'e2e', 'servers', 'portal.mjs'), 'utf8');
  assert.match(e2ePortal, /\.\.\.PORTAL_CHAIN,/);
});

test('an existing .env is kept as written; only missing development settings are appended', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-dev-env-'));
  try {
    const envFile = path.join(dir, '.env');
    const mine =
      '# mine\nHOST=0.0.0.0\nPROXY_HOPS=0\nJWT_SECRET=keep-me\nDATABASE_URL=postgres://x/y';
    writeFileSync(envFile, mine);
    const { settings, added } = ensureEnvFile(envFile);
    const written = readFileSync(envFile, 'utf8');
    assert.ok(written.startsWith(`${mine}\n`));
    assert.equal(settings.JWT_SECRET, 'keep-me');
    assert.equal(settings.HOST, '0.0.0.0');
    assert.ok(!added.includes('JWT_SECRET'));
    assert.ok(added.includes('APP_KEYS'));
    assert.ok(!added.includes('HOST') && !added.includes('PROXY_HOPS'));
    assert.deepEqual(ensureEnvFile(envFile).added, []);
    assert.equal(readFileSync(envFile, 'utf8'), written);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
