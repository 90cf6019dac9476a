import { redact, redactString, REDACTED, isSensitiveName } from './redact';

describe('log redaction', () => {
  it('masks properties named like credentials at any depth', () => {
    const entry = {
      message: 'login failed',
      request: { body: { identifier: 'ram@example.com', password: 'hunter2-hunter2' } },
      headers: { authorization: 'Bearer abc', cookie: 'mg_session=xyz', accept: 'json' },
      refreshToken: 'r1',
    };
    expect(redact(entry)).toEqual({
      message: 'login failed',
      request: { body: { identifier: 'ram@example.com', password: REDACTED } },
      headers: { authorization: REDACTED, cookie: REDACTED, accept: 'json' },
      refreshToken: REDACTED,
    });
  });

  it('scrubs bearer tokens and JWTs out of free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl';
    const text = redactString(`upstream said: Authorization: Bearer s3cr3t.token and ${jwt}`);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain(jwt);
    expect(text).toContain('Bearer [redacted]');
  });

  it('leaves ordinary values alone and survives cycles', () => {
    const node: Record<string, unknown> = { status: 200, route: '/api/vehicles' };
    node.self = node;
    expect(redact(node)).toEqual({ status: 200, route: '/api/vehicles', self: '[circular]' });
  });

  it('knows which parameter names carry secrets', () => {
    expect(isSensitiveName('token')).toBe(true);
    expect(isSensitiveName('code')).toBe(true);
    expect(isSensitiveName('resetPasswordToken')).toBe(true);
    expect(isSensitiveName('id')).toBe(false);
    expect(isSensitiveName('locale')).toBe(false);
  });
});
