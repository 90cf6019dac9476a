import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { winston } from '@strapi/logger';
import { createRequestLog, requestLine, type RequestLogEntry } from './request-log';

const entry: RequestLogEntry = {
  requestId: 'req-1',
  method: 'GET',
  route: '/api/vehicles',
  path: '/api/vehicles',
  status: 200,
  durationMs: 1.25,
};

const appWith = (logger: winston.Logger) => ({ log: logger }) as unknown as Core.Strapi;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('requestLine', () => {
  it('is one JSON line with the level, message, fields and a timestamp', () => {
    const line = requestLine(entry, new Date('2026-12-02T10:00:00.000Z'));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      level: 'info',
      message: 'request',
      ...entry,
      timestamp: '2026-12-02T10:00:00.000Z',
    });
  });

  it('scrubs a token that came in the path', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl';
    const line = JSON.parse(requestLine({ ...entry, path: `/api/things/${jwt}` }));
    expect(line.path).toBe('/api/things/[redacted]');
  });
});

describe('createRequestLog', () => {
  it('with the configured console logger, writes a turn of lines in one write', async () => {
    const logger = winston.createLogger({
      level: 'info',
      transports: [new winston.transports.Console()],
    });
    const writes: string[] = [];
    const log = createRequestLog(appWith(logger), (text) => writes.push(text));
    log.write(entry);
    log.write({ ...entry, requestId: 'req-2' });
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toHaveLength(1);
    const lines = writes[0].trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).requestId)).toEqual(['req-1', 'req-2']);
    log.write({ ...entry, requestId: 'req-3' });
    log.flush();
    expect(writes).toHaveLength(2);
  });

  it('writes nothing when the level leaves info out', async () => {
    const logger = winston.createLogger({
      level: 'warn',
      transports: [new winston.transports.Console()],
    });
    const writes: string[] = [];
    createRequestLog(appWith(logger), (text) => writes.push(text)).write(entry);
    await turn();
    expect(writes).toEqual([]);
  });

  it('goes through the logger when its transports are not the configured console', async () => {
    const stream = new PassThrough();
    let logged = '';
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    const logger = winston.createLogger({
      level: 'info',
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream })],
    });
    const writes: string[] = [];
    createRequestLog(appWith(logger), (text) => writes.push(text)).write(entry);
    await turn();
    expect(writes).toEqual([]);
    expect(JSON.parse(logged)).toMatchObject({ message: 'request', requestId: 'req-1' });
  });
});
