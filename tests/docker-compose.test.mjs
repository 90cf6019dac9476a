// Static checks of the local production-like stack: docker-compose.yml and the two Dockerfiles.
// No Docker engine is needed: the files are parsed and their structure asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const composePath = path.join(root, 'docker-compose.yml');
const composeText = readFileSync(composePath, 'utf8');
const compose = parse(composeText);
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

/** Raised by `interpolate` where compose refuses to start: a `${VAR:?message}` left unset. */
class RequiredVariableError extends Error {
  constructor(name, message) {
    super(`required variable ${name} is missing a value: ${message}`);
    this.variable = name;
  }
}

/**
 * Compose's interpolation of one string, as `docker compose config` does it: `$$` is a literal
 * `$`; `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`,
 * `${VAR:+alt}`, `${VAR+alt}` and `$VAR`. `onReference(name, operator, argument)` sees every
 * reference, so the file can be searched for how each variable is used.
 */
function interpolate(text, vars, onReference = () => {}) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '$') {
      out += text[i];
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth += 1;
        else if (text[j] === '}') depth -= 1;
        j += 1;
      }
      assert.equal(depth, 0, `unterminated \${ in ${JSON.stringify(text)}`);
      const body = text.slice(i + 2, j - 1);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body);
      assert.ok(m, `invalid interpolation \${${body}}`);
      const [, name, operator, argument = ''] = m;
      onReference(name, operator, argument);
      const value = vars[name];
      const isSet = value !== undefined;
      const nonEmpty = isSet && value !== '';
      const arg = () => interpolate(argument, vars, onReference);
      switch (operator) {
        case undefined:
          out += value ?? '';
          break;
        case ':-':
          out += nonEmpty ? value : arg();
          break;
        case '-':
          out += isSet ? value : arg();
          break;
        case ':?':
          if (!nonEmpty) throw new RequiredVariableError(name, arg());
          out += value;
          break;
        case '?':
          if (!isSet) throw new RequiredVariableError(name, arg());
          out += value;
          break;
        case ':+':
          out += nonEmpty ? arg() : '';
          break;
        default:
          out += isSet ? arg() : '';
      }
      i = j;
      continue;
    }
    const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (bare) {
      onReference(bare[0], undefined, '');
      out += vars[bare[0]] ?? '';
      i += 1 + bare[0].length;
      continue;
    }
    out += '$';
    i += 1;
  }
  return out;
}

/** The compose file as compose sees it with `vars` in the environment (values interpolated). */
function resolveCompose(vars, onReference) {
  const walk = (node) => {
    if (typeof node === 'string') return interpolate(node, vars, onReference);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return walk(parse(composeText));
}

/** Every variable reference in the compose file: { name, operator, argument }. */
function composeReferences() {
  const refs = [];
  // Every variable set, so nothing throws; defaults and messages are searched as well.
  const everySet = new Proxy({}, { get: () => 'set' });
  const collect = (name, operator, argument) => {
    refs.push({ name, operator, argument });
    interpolate(argument, everySet, collect);
  };
  resolveCompose(everySet, collect);
  return refs;
}

const CMS_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'METRICS_TOKEN',
];
/** Credentials of the infrastructure that compose itself must be given. */
const INFRA_SECRETS = [
  'POSTGRES_PASSWORD',
  'REDIS_PASSWORD',
  'MINIO_ROOT_USER',
  'MINIO_ROOT_PASSWORD',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
];
const REQUIRED = [...INFRA_SECRETS, ...CMS_SECRETS];
/** A variable holding a credential: it may never have a default in compose. */
const SECRET_NAME =
  /PASSWORD|SECRET|TOKEN|SALT|APP_KEYS|ENCRYPTION_KEY|ACCESS_KEY|ROOT_USER|REDISCLI_AUTH/;

/** A complete, valid environment (what an operator's .env holds), as `openssl rand -hex 32`. */
const hex = (seed) => seed.repeat(64).slice(0, 64);
const FULL_ENV = {
  POSTGRES_PASSWORD: hex('a1'),
  REDIS_PASSWORD: hex('b2'),
  MINIO_ROOT_USER: 'motorghar-root',
  MINIO_ROOT_PASSWORD: hex('c3'),
  S3_ACCESS_KEY_ID: 'motorghar-cms',
  S3_SECRET_ACCESS_KEY: hex('d4'),
  APP_KEYS: `${hex('e5')},${hex('e6')},${hex('e7')},${hex('e8')}`,
  API_TOKEN_SALT: hex('f1'),
  ADMIN_JWT_SECRET: hex('f2'),
  TRANSFER_TOKEN_SALT: hex('f3'),
  JWT_SECRET: hex('f4'),
  ENCRYPTION_KEY: hex('f5'),
  METRICS_TOKEN: hex('f6'),
};

/** The shell script a service runs (`sh -c <script>` as entrypoint or command). */
function shellScript(service) {
  const argv = [
    ...(Array.isArray(service.entrypoint) ? service.entrypoint : []),
    ...(Array.isArray(service.command) ? service.command : []),
  ];
  const c = argv.indexOf('-c');
  assert.ok(c > 0 && /(^|\/)(ba)?sh$/.test(argv[c - 1]), 'the service runs `sh -c <script>`');
  return argv[c + 1];
}

/** Every argument a container is started with (entrypoint and command), as one list. */
function argvOf(service) {
  return [service.entrypoint, service.command].flatMap((v) =>
    v === undefined ? [] : Array.isArray(v) ? v : [v],
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** A folder on PATH holding the given executables (shell scripts). */
function fakeBin(scripts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-compose-bin-'));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
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
  for (const key of ['POSTGRES_DB', 'POSTGRES_USER']) {
    assert.match(String(pgEnv[key]), new RegExp(`^\\$\\{${key}:-.+\\}$`), `${key} interpolation`);
  }
  assert.match(String(pgEnv.POSTGRES_PASSWORD), /^\$\{POSTGRES_PASSWORD:\?.+\}$/);
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
  const env = environmentOf(resolveCompose(FULL_ENV).services.cms);
  assert.equal(env.NODE_ENV, 'production');
  assert.equal(
    env.DATABASE_URL,
    `postgres://motorghar:${FULL_ENV.POSTGRES_PASSWORD}@postgres:5432/motorghar`,
  );
  assert.equal(env.S3_ENDPOINT, 'http://minio:9000');
  assert.equal(String(env.S3_FORCE_PATH_STYLE), 'true');
  assert.equal(env.S3_REGION, 'us-east-1');
  assert.equal(env.S3_BUCKET, 'motorghar');
  assert.equal(env.SMTP_HOST, 'mailpit');
  assert.equal(String(env.SMTP_PORT), '1025');
  assert.ok(env.EMAIL_FROM, 'EMAIL_FROM is set');
});

test('compose refuses to start while any password or secret is missing or empty', () => {
  assert.doesNotThrow(() => resolveCompose(FULL_ENV), 'a complete environment is accepted');
  for (const name of REQUIRED) {
    for (const [how, vars] of [
      ['unset', Object.fromEntries(Object.entries(FULL_ENV).filter(([k]) => k !== name))],
      ['empty', { ...FULL_ENV, [name]: '' }],
    ]) {
      assert.throws(
        () => resolveCompose(vars),
        (error) => error instanceof RequiredVariableError && error.variable === name,
        `compose must refuse to start with ${name} ${how}`,
      );
    }
  }
});

test('no password or secret has a default anywhere in the compose file', () => {
  const refs = composeReferences().filter((r) => SECRET_NAME.test(r.name));
  assert.ok(refs.length > 0);
  for (const { name, operator, argument } of refs) {
    assert.ok(
      operator === ':?' && argument.trim().length > 0,
      `\${${name}${operator ?? ''}${argument}} must be \${${name}:?<what to set>}`,
    );
  }
  // Each required variable is demanded where it is used, with a message saying what to do.
  const required = new Set(refs.map((r) => r.name));
  for (const name of REQUIRED) assert.ok(required.has(name), `${name} is not required`);
});

test('the CMS gets its secrets from required variables, not from an inline value', () => {
  const raw = environmentOf(services.cms);
  const env = environmentOf(resolveCompose(FULL_ENV).services.cms);
  for (const secret of CMS_SECRETS) {
    assert.match(String(raw[secret]), new RegExp(`^\\$\\{${secret}:\\?.+\\}$`), secret);
    assert.equal(env[secret], FULL_ENV[secret]);
  }
});

test('redis requires a password that reaches it neither in arguments nor in the image', () => {
  const resolved = resolveCompose(FULL_ENV).services.redis;
  const password = FULL_ENV.REDIS_PASSWORD;
  const script = shellScript(resolved);
  assert.match(script, /^\s*requirepass\b/m, 'the generated configuration sets requirepass');
  assert.doesNotMatch(script, /--requirepass/, 'no --requirepass argument (visible in ps)');
  for (const arg of argvOf(resolved)) {
    assert.ok(!arg.includes(password), 'the password is not part of the command line');
  }
  assert.equal(environmentOf(resolved).REDISCLI_AUTH, password, 'redis-cli authenticates');
  const health = asText(resolved.healthcheck.test);
  assert.ok(!health.includes(password), 'the health check does not carry the password');
  assert.match(health, /redis-cli\b.*\bping\b.*\|\s*grep -q PONG/, 'a NOAUTH reply is unhealthy');
});

test('redis never evicts: counters and session tombstones live there', () => {
  const script = shellScript(resolveCompose(FULL_ENV).services.redis);
  assert.match(script, /--maxmemory-policy noeviction\b/);
  assert.match(
    script,
    /--maxmemory \S+/,
    'a memory ceiling, so a flood fails writes, not the host',
  );
  assert.match(script, /--appendonly yes\b/);
});

test('the CMS reaches redis with the password in REDIS_URL', () => {
  const env = environmentOf(resolveCompose(FULL_ENV).services.cms);
  assert.equal(env.REDIS_URL, `redis://:${FULL_ENV.REDIS_PASSWORD}@redis:6379`);
  assert.match(String(environmentOf(services.cms).REDIS_URL), /\$\{REDIS_PASSWORD:\?.+\}/);
});

test(
  'redis as compose starts it: refuses anonymous clients, answers the health check and the CMS URL',
  { skip: !hasCommand('redis-server') && 'redis-server is not installed here' },
  async () => {
    const resolved = resolveCompose(FULL_ENV);
    const redis = resolved.services.redis;
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-compose-redis-'));
    // The image's entrypoint drops root and execs its arguments; here it runs them on a free
    // port in a scratch folder. redis-cli is pointed at that port the same way.
    const bin = fakeBin({
      'docker-entrypoint.sh': `exec "$@" --port ${port} --dir '${dir}' --save ''`,
      'redis-cli': `exec "${spawnSync('sh', ['-c', 'command -v redis-cli']).stdout.toString().trim()}" -p ${port} "$@"`,
    });
    const env = { ...environmentOf(redis), PATH: `${bin}:${process.env.PATH}` };
    const [shell, ...args] = argvOf(redis);
    const server = spawn(shell, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    const client = new Redis(
      resolved.services.cms.environment.REDIS_URL.replace('@redis:6379', `@127.0.0.1:${port}`),
      { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null },
    );
    try {
      for (let i = 0; i < 50 && !log.includes('Ready to accept connections'); i += 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(log, /Ready to accept connections/, log);
      const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8');
      assert.ok(!cmdline.includes(FULL_ENV.REDIS_PASSWORD), `password in argv: ${cmdline}`);

      const anonymous = spawnSync('redis-cli', ['ping'], { env: { PATH: env.PATH } });
      assert.match(anonymous.stdout.toString(), /NOAUTH/);
      const health = (vars) =>
        spawnSync('sh', ['-c', redis.healthcheck.test.slice(1).join(' ')], {
          env: { PATH: env.PATH, ...vars },
        }).status;
      assert.equal(health({ REDISCLI_AUTH: FULL_ENV.REDIS_PASSWORD }), 0, 'healthy');
      assert.notEqual(health({ REDISCLI_AUTH: 'wrong' }), 0, 'unhealthy with a wrong password');
      assert.notEqual(health({}), 0, 'unhealthy without a password');

      await client.connect();
      assert.equal(await client.ping(), 'PONG', 'the CMS client (ioredis) signs in by URL');
      assert.deepEqual(await client.config('GET', 'maxmemory-policy'), [
        'maxmemory-policy',
        'noeviction',
      ]);
    } finally {
      client.disconnect();
      server.kill('SIGTERM');
      if (server.exitCode === null) await once(server, 'exit');
      rmSync(dir, { recursive: true, force: true });
      rmSync(bin, { recursive: true, force: true });
    }
  },
);

test(
  'redis refuses to start with a short password or one that cannot sit in REDIS_URL',
  { skip: !hasCommand('redis-server') && 'redis-server is not installed here' },
  () => {
    for (const password of ['short', `${hex('ab')}/#@`]) {
      const redis = resolveCompose({ ...FULL_ENV, REDIS_PASSWORD: password }).services.redis;
      const bin = fakeBin({ 'docker-entrypoint.sh': 'echo started; exit 0' });
      const [shell, ...args] = argvOf(redis);
      const run = spawnSync(shell, args, {
        env: { ...environmentOf(redis), PATH: `${bin}:${process.env.PATH}` },
      });
      rmSync(bin, { recursive: true, force: true });
      assert.notEqual(run.status, 0, `accepted ${password}`);
      assert.doesNotMatch(run.stdout.toString(), /started/);
      assert.match(run.stderr.toString(), /REDIS_PASSWORD/);
    }
  },
);

test('the CMS uses its own MinIO user, never the root credentials', () => {
  const resolved = resolveCompose(FULL_ENV);
  const cms = environmentOf(resolved.services.cms);
  assert.equal(cms.S3_ACCESS_KEY_ID, FULL_ENV.S3_ACCESS_KEY_ID);
  assert.equal(cms.S3_SECRET_ACCESS_KEY, FULL_ENV.S3_SECRET_ACCESS_KEY);
  assert.doesNotMatch(asText(services.cms.environment?.S3_ACCESS_KEY_ID), /MINIO_ROOT/);
  assert.doesNotMatch(asText(services.cms.environment?.S3_SECRET_ACCESS_KEY), /MINIO_ROOT/);
  // env_file passes all of .env, root credentials included: compose must blank them.
  for (const name of ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD']) {
    if (envFiles(services.cms).includes('.env')) {
      assert.equal(cms[name], '', `cms must not receive ${name} from .env`);
    }
  }
  const values = Object.values(cms).map(String);
  assert.ok(!values.some((v) => v.includes(FULL_ENV.MINIO_ROOT_PASSWORD)), 'no root password');
});

/**
 * Runs the bucket job's script with a stand-in `mc` that records each call (and the policy
 * document it is given). `attach` answers as MinIO does: "already in effect" once attached.
 */
function runBucketJob(vars, { attached = false, attachError } = {}) {
  const init = resolveCompose(vars).services['minio-init'];
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-compose-mc-'));
  const bin = fakeBin({
    mc: `
printf '%s\\n' "$*" >> '${dir}/calls'
case "$*" in
  "admin policy create "*) eval "cp \\"\\\${$#}\\" '${dir}/policy.json'" ;;
  "admin policy attach "*)
    ${attachError ? `echo 'mc: <ERROR> ${attachError}' >&2; exit 1` : ''}
    if [ -e '${dir}/attached' ] || [ ${attached ? 1 : 0} = 1 ]; then
      echo 'mc: <ERROR> Unable to attach the policy. The specified policy change is already in effect.' >&2
      exit 1
    fi
    touch '${dir}/attached' ;;
esac
exit 0`,
  });
  const argv = argvOf(init);
  const c = argv.indexOf('-c');
  const run = spawnSync(argv[c - 1], argv.slice(c), {
    env: { ...environmentOf(init), PATH: `${bin}:${process.env.PATH}` },
  });
  const read = (f) =>
    existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : '';
  const result = {
    status: run.status,
    output: `${run.stdout}${run.stderr}`,
    calls: read('calls').split('\n').filter(Boolean),
    policy: read('policy.json'),
    leftovers: readdirSync(dir),
  };
  rmSync(dir, { recursive: true, force: true });
  rmSync(bin, { recursive: true, force: true });
  return result;
}

test('the bucket job creates the CMS user with a policy limited to the bucket', () => {
  const job = runBucketJob(FULL_ENV);
  assert.equal(job.status, 0, job.output);
  const { MINIO_ROOT_USER, MINIO_ROOT_PASSWORD, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = FULL_ENV;
  const call = (re) => job.calls.find((c) => re.test(c));
  assert.ok(
    call(
      new RegExp(`^alias set local http://minio:9000 ${MINIO_ROOT_USER} ${MINIO_ROOT_PASSWORD}$`),
    ),
  );
  assert.ok(call(/^mb --ignore-existing local\/motorghar$/));
  assert.ok(call(/^anonymous set none local\/motorghar$/));
  assert.ok(call(/^version enable local\/motorghar$/));
  const create = call(/^admin policy create local \S+ \S+$/);
  assert.ok(create, job.calls.join('\n'));
  const policyName = create.split(' ')[4];
  assert.ok(call(new RegExp(`^admin user add local ${S3_ACCESS_KEY_ID} ${S3_SECRET_ACCESS_KEY}$`)));
  assert.ok(
    call(new RegExp(`^admin policy attach local ${policyName} --user ${S3_ACCESS_KEY_ID}$`)),
  );

  const policy = JSON.parse(job.policy);
  const bucketArn = 'arn:aws:s3:::motorghar';
  const objectActions = new Set([
    's3:GetObject',
    's3:PutObject',
    's3:DeleteObject',
    's3:AbortMultipartUpload',
  ]);
  const bucketActions = new Set(['s3:ListBucket', 's3:GetBucketLocation']);
  const granted = new Set();
  for (const statement of policy.Statement) {
    assert.equal(statement.Effect, 'Allow');
    const actions = [statement.Action].flat();
    const resources = [statement.Resource].flat();
    for (const resource of resources) {
      assert.ok([bucketArn, `${bucketArn}/*`].includes(resource), `resource ${resource}`);
      for (const action of actions) {
        const allowed = resource === bucketArn ? bucketActions : objectActions;
        assert.ok(allowed.has(action), `${action} on ${resource} is more than the CMS needs`);
        granted.add(action);
      }
    }
  }
  // Uploads, signed downloads, deletes, and the readiness probe's HeadBucket (s3:ListBucket).
  for (const needed of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket']) {
    assert.ok(granted.has(needed), `the CMS needs ${needed}`);
  }
});

test('the bucket job can run again: an attached policy is not a failure, other errors are', () => {
  assert.equal(runBucketJob(FULL_ENV, { attached: true }).status, 0, 're-run succeeds');
  const failing = runBucketJob(FULL_ENV, { attachError: 'Unable to attach: connection refused' });
  assert.notEqual(failing.status, 0, 'a real failure stops the job (and so the CMS)');
});

test('the bucket job refuses to hand the CMS the root user', () => {
  const job = runBucketJob({ ...FULL_ENV, S3_ACCESS_KEY_ID: FULL_ENV.MINIO_ROOT_USER });
  assert.notEqual(job.status, 0);
  assert.match(job.output, /S3_ACCESS_KEY_ID/);
  assert.ok(!job.calls.some((c) => c.startsWith('admin user add')), 'no user was created');
});

test('client addresses: the CMS trusts one proxy hop (the portal), the portal none by default', () => {
  const cms = environmentOf(resolveCompose(FULL_ENV).services.cms);
  assert.equal(String(cms.PROXY_HOPS), '1');
  const portal = environmentOf(resolveCompose(FULL_ENV).services.storefront);
  assert.equal(String(portal.PORTAL_PROXY_HOPS), '0');
  const behindTls = resolveCompose({ ...FULL_ENV, PORTAL_PROXY_HOPS: '1' }).services.storefront;
  assert.equal(String(environmentOf(behindTls).PORTAL_PROXY_HOPS), '1');
  for (const file of ['docker-compose.yml', 'cms/Dockerfile', 'storefront/Dockerfile']) {
    assert.doesNotMatch(readFileSync(path.join(root, file), 'utf8'), /TRUST_PROXY/, file);
  }
});

test('.env.example ships no infrastructure password: compose refuses it until filled in', () => {
  const example = parseEnv(readFileSync(path.join(root, 'config/.env.example'), 'utf8'));
  for (const name of INFRA_SECRETS) {
    assert.ok(name in example, `config/.env.example does not list ${name}`);
    assert.equal(example[name], '', `config/.env.example ships a value for ${name}`);
  }
  assert.throws(() => resolveCompose(example), RequiredVariableError);
});

test('README lists every variable the production stack requires and how to make them', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Production stack'));
  const body = section.slice(0, section.indexOf('\n## ', 1) >>> 0 || undefined);
  for (const name of [...REQUIRED, 'PROXY_HOPS', 'PORTAL_PROXY_HOPS']) {
    assert.match(body, new RegExp(`\\b${name}\\b`), `README "Production stack" omits ${name}`);
  }
  assert.match(body, /openssl rand/);
  assert.match(body, /noeviction/);
  assert.match(body, /TLS/);
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
  ['storefront', '4321', /storefront\/server\.mjs/],
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
