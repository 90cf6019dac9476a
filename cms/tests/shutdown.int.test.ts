import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, testEnv, TEST_REDIS_URL, type TestDatabase } from './harness';
import { ENV_VARIABLES, RETIRED_VARIABLES } from '../src/lib/env';

const SERVER = path.join(__dirname, 'support', 'cms-server.cjs');
const PASSWORD = 'Shutdown-Owner-Password-1';
/** Owners' writers at once, each on a vehicle of its own, until the server stops answering. */
const WRITERS = 16;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * SIGTERM while owners are writing: every write that was answered has its audit entry, and
 * the process ends cleanly (no `Error: aborted` from a database connection cut mid-query).
 */
describe('shutting down under load', () => {
  let db: TestDatabase;
  let child: ChildProcess | null = null;

  afterEach(async () => {
    child?.kill('SIGKILL');
    child = null;
    await db?.drop();
  });

  it('answers the requests in flight, records each one, then stops', async () => {
    db = await createTestDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const inherited = { ...process.env };
    for (const name of [...ENV_VARIABLES, ...Object.keys(RETIRED_VARIABLES)])
      delete inherited[name];
    let stdout = '';
    let stderr = '';
    child = fork(SERVER, [], {
      cwd: path.resolve(__dirname, '..'),
      env: {
        ...inherited,
        ...testEnv({
          DATABASE_URL: db.url,
          REDIS_URL: TEST_REDIS_URL,
          PORT: String(port),
          NODE_ENV: 'production',
          SEED_DEMO_DATA: 'true',
          CATALOG_DATA_DIR: path.join(__dirname, 'fixtures', 'catalog'),
          SHUTDOWN_GRACE_SECONDS: '20',
          // Few connections for many writers: requests queue for one, as under real load.
          DATABASE_POOL_MAX: '4',
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child?.once('exit', (code) => resolve(code)),
    );
    await new Promise<void>((resolve, reject) => {
      child?.once('message', () => resolve());
      child?.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
    });

    const call = async (
      method: string,
      url: string,
      jwt?: string,
      data?: object,
      signal?: AbortSignal,
    ) => {
      const response = await fetch(`${base}${url}`, {
        method,
        signal,
        headers: {
          'content-type': 'application/json',
          ...(jwt ? { authorization: `Bearer ${jwt}` } : {}),
        },
        body: data ? JSON.stringify(data) : undefined,
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          jwt?: string;
          data: { id: string; yearFrom: number; fuelTypes: string[] } & Array<{
            id: string;
            yearFrom: number;
            fuelTypes: string[];
          }>;
        },
      };
    };
    const email = `shutdown-${Date.now()}@example.com`;
    const signedUp = await call('POST', '/api/auth/local/register', undefined, {
      username: email,
      email,
      password: PASSWORD,
    });
    expect(signedUp.status).toBe(200);
    const jwt = signedUp.body.jwt as string;
    const make = (await call('GET', '/api/catalog/makes')).body.data[0].id;
    const model = (await call('GET', `/api/catalog/makes/${make}/models`)).body.data[0];
    const vehicles: string[] = [];
    for (let index = 0; index < WRITERS; index += 1) {
      const created = await call('POST', '/api/vehicles', jwt, {
        data: {
          makeId: make,
          modelId: model.id,
          year: Math.max(model.yearFrom, 2018),
          registrationNumber: `BA 7 PA ${2000 + index}`,
          fuel: model.fuelTypes[0],
          odometerKm: 10,
        },
      });
      expect(created.status).toBe(201);
      vehicles.push(created.body.data.id);
    }

    // Each writer renames its vehicle over and over until the server stops answering.
    const answered: string[] = [];
    const refused: string[] = [];
    let signalled = false;
    const hangUp = new AbortController();
    const writers = vehicles.map(async (vehicle, writer) => {
      const signal = writer % 2 === 0 ? hangUp.signal : undefined;
      for (let round = 0; round < 10_000; round += 1) {
        const nickname = `w${writer}-r${round}`;
        try {
          const { status } = await call(
            'PUT',
            `/api/vehicles/${vehicle}`,
            jwt,
            { data: { nickname } },
            signal,
          );
          expect(status).toBe(200);
          answered.push(nickname);
        } catch (error) {
          // Hung up, refused or cut: only once the server is stopping.
          expect(signalled).toBe(true);
          refused.push(`${nickname}: ${(error as Error).message}`);
          return;
        }
        if (answered.length === 150 && !signalled) {
          signalled = true;
          // Writers hang up mid-request (their handlers still run on the server); the
          // others, if any, go on writing through the shutdown.
          hangUp.abort();
          child?.kill('SIGTERM');
        }
      }
    });
    await Promise.all(writers);
    expect(await exited).toBe(0);
    child = null;

    expect(signalled).toBe(true);
    expect(stderr).not.toMatch(/aborted|unhandled|Error:/i);
    const drained = stdout
      .split('\n')
      .filter((line) => line.includes('requests drained before shutdown'))
      .map((line) => JSON.parse(line) as { unfinished: number });
    expect(drained).toEqual([expect.objectContaining({ unfinished: 0 })]);
    // One JSON request line per answered write, the last ones written out before the exit
    // too (the request log batches its lines per turn of the event loop).
    const requestLines = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'request' && line.method === 'PUT');
    expect(requestLines.filter((line) => line.status === 200).length).toBeGreaterThanOrEqual(
      answered.length,
    );
    expect(requestLines[0]).toMatchObject({
      level: 'info',
      route: '/api/vehicles/:id',
      path: expect.stringMatching(/^\/api\/vehicles\//),
      requestId: expect.any(String),
      durationMs: expect.any(Number),
      timestamp: expect.any(String),
    });

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ nickname: string }>(
        `SELECT diff->'nickname'->>'after' AS nickname FROM audit_log_entries
          WHERE action = 'entry.update' AND content_type = 'api::vehicle.vehicle'
            AND actor_kind = 'owner'`,
      );
      const recorded = new Set(rows.map((row) => row.nickname));
      const lost = answered.filter((nickname) => !recorded.has(nickname));
      expect({ answered: answered.length, lost }).toEqual({
        answered: answered.length,
        lost: [],
      });
      // Writes went on after the signal: the drain was really under load.
      expect(answered.length).toBeGreaterThan(150);
    } finally {
      await client.end();
    }
  }, 240_000);
});
