import type { Context } from 'koa';
import { loggablePath, requestIdFrom } from './request-context';

describe('request id', () => {
  it('keeps a well-formed id from the caller', () => {
    expect(requestIdFrom('req-42.abc')).toBe('req-42.abc');
  });

  it('replaces a missing or unsafe id with a new UUID', () => {
    for (const header of [undefined, '', 'bad id with spaces', 'x'.repeat(129), 'a\nb']) {
      expect(requestIdFrom(header)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('loggable path', () => {
  const ctx = (path: string, params: Record<string, string>) =>
    ({ path, params }) as unknown as Context;

  it('masks secret route parameters', () => {
    expect(loggablePath(ctx('/api/calendar/abc123.ics', { token: 'abc123' }))).toBe(
      '/api/calendar/[redacted].ics',
    );
  });

  it('keeps ordinary parameters', () => {
    expect(loggablePath(ctx('/api/vehicles/v1', { id: 'v1' }))).toBe('/api/vehicles/v1');
  });
});
