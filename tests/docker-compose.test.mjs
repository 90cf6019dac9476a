// Static checks of the local production-like stack: docker-compose.yml and the two Dockerfiles.
// No Docker engine is needed: the files are parsed and their structure asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const composePath = path.join(root, 'docker-compose.yml');
const compose = parse(readFileSync(composePath, 'utf8'));
const services = compose?.services ?? {};

const EXPECTED_SERVICES = [
  'postgres',
  'redis',
  'minio',
  'minio-init',
  'mailpit',
  'cms',
  'storefront',
];
const ONE_SHOT = new Set(['minio-init']);

/** Published ports of a service, from short ('127.0.0.1:5432:5432') or long syntax. */
function publishedPorts(service) {
  return (service?.ports ?? []).map((entry) => {
    if (typeof entry === 'object' && entry !== null) {
      return {
        hostIp: entry.host_ip ?? '',
        published: String(entry.published ?? ''),
        target: String(entry.target ?? ''),
      };
    }
    const spec = String(entry).replace(/\/(tcp|udp)$/, '');
    const parts = spec.split(':');
    const target = parts.pop();
    const published = parts.pop() ?? '';
    const hostIp = parts.join(':');
    return { hostIp, published, target };
  });
}

/** A service's environment as a plain object, from map or list syntax. */
function environmentOf(service) {
  const env = service?.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(
    env.map((item) => {
      const i = String(item).indexOf('=');
      return i === -1 ? [item, undefined] : [item.slice(0, i), item.slice(i + 1)];
    }),
  );
}

/** depends_on as { name: condition }, from map or list syntax. */
function dependsOn(service) {
  const deps = service?.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps).map(([name, spec]) => [name, spec?.condition ?? 'service_started']),
  );
}

function envFiles(service) {
  const value = service?.env_file;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((f) => (typeof f === 'string' ? f : f.path));
}

function asText(value) {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Parsed Dockerfile instructions ({ op, args }), with continuation lines joined. */
function dockerfileInstructions(file) {
  const text = readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

test('compose declares every service of the stack', () => {
  for (const name of EXPECTED_SERVICES) {
    assert.ok(services[name], `service "${name}" is missing from docker-compose.yml`);
  }
});

test('every long-running service has a healthcheck with a test', () => {
  for (const name of EXPECTED_SERVICES.filter((n) => !ONE_SHOT.has(n))) {
    const hc = services[name]?.healthcheck;
    assert.ok(hc, `service "${name}" has no healthcheck`);
    assert.notEqual(hc.disable, true, `service "${name}" disables its healthcheck`);
    const testCmd = Array.isArray(hc.test) ? hc.test : [hc.test];
    assert.ok(
      testCmd.length > 0 && testCmd[0] && testCmd[0] !== 'NONE',
      `service "${name}" healthcheck has no test`,
    );
    const joined = asText(hc.test);
    assert.ok(joined.replace(/^(CMD-SHELL|CMD)\s*/, '').trim(), `"${name}" healthcheck is empty`);
  }
});

test('healthchecks probe the right thing', () => {
  assert.match(asText(services.postgres.healthcheck.test), /pg_isready/);
  assert.match(asText(services.redis.healthcheck.test), /redis-cli\b.*\bping/);
  assert.match(asText(services.minio.healthcheck.test), /mc ready local|\/minio\/health\/live/);
  assert.match(asText(services.cms.healthcheck.test), /127\.0\.0\.1:1337\/readyz/);
  assert.match(asText(services.storefront.healthcheck.test), /:4321\/healthz/);
});

test('ports are published, infrastructure on 127.0.0.1 only', () => {
  const expected = {
    postgres: ['5432'],
    redis: ['6379'],
    minio: ['9000', '9001'],
    mailpit: ['1025', '8025'],
    cms: ['1337'],
    storefront: ['4321'],
  };
  const loopbackOnly = new Set(['postgres', 'redis', 'minio', 'mailpit']);
  for (const [name, ports] of Object.entries(expected)) {
    const published = publishedPorts(services[name]);
    for (const port of ports) {
      const mapping = published.find((p) => p.target === port);
      assert.ok(mapping, `service "${name}" does not publish container port ${port}`);
      assert.equal(mapping.published, port, `service "${name}" publishes ${port} elsewhere`);
      if (loopbackOnly.has(name)) {
        assert.equal(mapping.hostIp, '127.0.0.1', `"${name}" port ${port} must bind 127.0.0.1`);
      }
    }
  }
  assert.deepEqual(publishedPorts(services['minio-init']), [], 'minio-init publishes nothing');
});

test('postgres and minio keep their data in named volumes', () => {
  const named = Object.keys(compose.volumes ?? {});
  for (const [name, mount] of [
    ['postgres', '/var/lib/postgresql/data'],
    ['minio', '/data'],
  ]) {
    const volume = (services[name].volumes ?? [])
      .map((v) => (typeof v === 'string' ? v.split(':') : [v.source, v.target]))
      .find(([, target]) => target === mount);
    assert.ok(volume, `service "${name}" has no volume at ${mount}`);
    assert.ok(named.includes(volume[0]), `volume "${volume[0]}" is not a named volume`);
  }
  const pgEnv = environmentOf(services.postgres);
  for (const key of ['POSTGRES_DB', 'POSTGRES_USER', 'POSTGRES_PASSWORD']) {
    assert.match(String(pgEnv[key]), new RegExp(`^\\$\\{${key}:-.+\\}$`), `${key} interpolation`);
  }
});

test('minio-init makes the bucket private and versioned, once', () => {
  const init = services['minio-init'];
  assert.match(String(init.image), /^minio\/mc(:|$)/);
  assert.equal(String(init.restart), 'no');
  assert.equal(dependsOn(init).minio, 'service_healthy');
  const script = `${asText(init.entrypoint)} ${asText(init.command)}`;
  assert.match(script, /mc alias set \S+ http:\/\/minio:9000/);
  assert.match(script, /mc mb --ignore-existing \S*local\//);
  assert.match(script, /mc anonymous set none /);
  assert.match(script, /mc version enable /);
  assert.match(asText(environmentOf(init).S3_BUCKET), /^\$\{S3_BUCKET:-motorghar\}$/);
  assert.match(String(services.minio.image), /^minio\/minio(:|$)/);
  assert.match(asText(services.minio.command), /server \/data --console-address :9001/);
});

test('cms waits for healthy infrastructure and a finished bucket init', () => {
  const deps = dependsOn(services.cms);
  assert.equal(deps.postgres, 'service_healthy');
  assert.equal(deps.redis, 'service_healthy');
  assert.equal(deps.mailpit, 'service_healthy');
  assert.equal(deps['minio-init'], 'service_completed_successfully');
  assert.equal(dependsOn(services.storefront).cms, 'service_healthy');
});

test('cms reads .env and is wired to the compose services', () => {
  const cms = services.cms;
  assert.ok(envFiles(cms).includes('.env'), 'cms must use env_file: .env');
  const env = environmentOf(cms);
  assert.equal(env.NODE_ENV, 'production');
  assert.match(env.DATABASE_URL, /^postgres(ql)?:\/\/.+@postgres:5432\//);
  assert.equal(env.REDIS_URL, 'redis://redis:6379');
  assert.equal(env.S3_ENDPOINT, 'http://minio:9000');
  assert.equal(String(env.S3_FORCE_PATH_STYLE), 'true');
  assert.equal(env.S3_REGION, 'us-east-1');
  assert.match(env.S3_ACCESS_KEY_ID, /MINIO_ROOT_USER/);
  assert.match(env.S3_SECRET_ACCESS_KEY, /MINIO_ROOT_PASSWORD/);
  assert.equal(env.SMTP_HOST, 'mailpit');
  assert.equal(String(env.SMTP_PORT), '1025');
  assert.ok(env.EMAIL_FROM, 'EMAIL_FROM is set');
  // Secrets come from .env only: no inline value and no default.
  for (const secret of [
    'APP_KEYS',
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
    'METRICS_TOKEN',
  ]) {
    assert.equal(env[secret], undefined, `${secret} must come from .env, not compose`);
  }
});

test('storefront talks to the cms service', () => {
  const env = environmentOf(services.storefront);
  const url = new URL(env.CMS_URL);
  assert.equal(url.hostname, 'cms');
  assert.equal(url.port, '1337');
  assert.equal(env.HOST, '0.0.0.0');
  assert.equal(String(env.PORT), '4321');
});

test('cms and storefront build from Dockerfiles that exist', () => {
  for (const [name, dockerfile] of [
    ['cms', 'cms/Dockerfile'],
    ['storefront', 'storefront/Dockerfile'],
  ]) {
    const build = services[name].build;
    assert.ok(build && typeof build === 'object', `service "${name}" has no build section`);
    assert.equal(path.resolve(root, build.context), root, `"${name}" builds from the repo root`);
    assert.equal(build.dockerfile, dockerfile);
    assert.ok(existsSync(path.resolve(root, build.context, build.dockerfile)));
  }
});

for (const [name, port, start] of [
  ['cms', '1337', /strapi/],
  ['storefront', '4321', /storefront\/dist\/server\/entry\.mjs/],
]) {
  test(`${name}/Dockerfile: node base, EXPOSE ${port}, non-root USER`, () => {
    const file = path.join(root, name, 'Dockerfile');
    assert.ok(existsSync(file), `${name}/Dockerfile is missing`);
    const steps = dockerfileInstructions(file);
    const froms = steps.filter((s) => s.op === 'FROM');
    assert.ok(froms.length > 0, 'no FROM');
    assert.match(froms[0].args, /^node:\S+/, 'the first stage starts FROM node:');
    const stages = new Set();
    for (const from of froms) {
      const [image, as, alias] = from.args.split(/\s+/);
      assert.ok(image.startsWith('node:') || stages.has(image), `unexpected base ${image}`);
      if (as?.toUpperCase() === 'AS' && alias) stages.add(alias);
    }
    // The final stage: everything after the last FROM.
    const finalStage = steps.slice(steps.lastIndexOf(froms.at(-1)) + 1);
    const exposed = finalStage.filter((s) => s.op === 'EXPOSE').flatMap((s) => s.args.split(/\s+/));
    assert.ok(
      exposed.some((p) => p.replace(/\/tcp$/, '') === port),
      `EXPOSE ${port} missing`,
    );
    const users = finalStage.filter((s) => s.op === 'USER');
    assert.ok(users.length > 0, 'final stage sets no USER');
    assert.ok(!/^(root|0)(:|$)/.test(users.at(-1).args), 'final stage runs as root');
    const env = finalStage
      .filter((s) => s.op === 'ENV')
      .map((s) => s.args)
      .join(' ');
    assert.match(env, /NODE_ENV=production/);
    const cmd = finalStage.filter((s) => s.op === 'CMD').at(-1);
    assert.ok(cmd, 'no CMD');
    assert.match(cmd.args, start);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /COPY package\.json package-lock\.json/);
    assert.match(text, new RegExp(`npm run build -w ${name}`));
  });
}

test('.dockerignore keeps dependencies and secrets out of the build context', () => {
  const file = path.join(root, '.dockerignore');
  assert.ok(existsSync(file), '.dockerignore is missing');
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
  for (const pattern of ['**/node_modules', '.env', '.git']) {
    assert.ok(lines.includes(pattern), `.dockerignore lacks ${pattern}`);
  }
  assert.ok(!lines.includes('package-lock.json'), 'the lockfile must reach the build');
});
