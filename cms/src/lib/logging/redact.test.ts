import {
  isSensitiveName,
  redact,
  redactEntry,
  redactString,
  REDACTED,
  REDACTED_BODY,
} from './redact';

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

  describe('raw request bodies', () => {
    const password = 'SECRET-PW-LEAK-123';

    it("masks a parse error's raw body, keeping its status", () => {
      const error = Object.assign(new SyntaxError('Unexpected end'), {
        status: 400,
        body: `{"identifier":"a@b.c","password":"${password}",}`,
      });
      const entry = redactEntry(error as unknown as Record<string, unknown>);
      expect(JSON.stringify({ ...entry })).not.toContain(password);
      expect(entry).toMatchObject({ status: 400, body: REDACTED_BODY });
    });

    it.each(['rawBody', 'raw', 'requestBody', 'payload', 'req_body'])(
      'masks a string under %s',
      (key) => {
        expect(redact({ [key]: `x=${password}` })).toEqual({ [key]: REDACTED_BODY });
      },
    );

    it.each([
      ['JSON', `{"identifier":"a@b.c","password":"${password}"}`],
      ['escaped JSON', `{\\"password\\":\\"${password}\\"}`],
      ['a form', `identifier=a%40b.c&password=${password}`],
      ['a nested form key', `data[newPassword]=${password}`],
      ['a multipart part', `Content-Disposition: form-data; name="password"\r\n\r\n${password}`],
      ['a reset code', `{"code":"${password}","password":"x"}`],
      ['V8 quoting bad JSON', `Unexpected token 'x', "{"pw":"${password}"x}" is not valid JSON`],
    ])('masks free text that reads like %s carrying a credential', (_what, text) => {
      expect(redactString(`could not parse ${text}`)).toBe(REDACTED_BODY);
    });

    it('keeps a parsed body, masking its credentials only', () => {
      expect(redact({ body: { identifier: 'a@b.c', password } })).toEqual({
        body: { identifier: 'a@b.c', password: REDACTED },
      });
    });

    it('leaves ordinary messages alone', () => {
      for (const text of [
        'request',
        'password: must be at least 12 characters',
        'GET /api/vehicles?locale=ne',
        '{"route":"/api/profile","status":200}',
      ]) {
        expect(redactString(text)).toBe(text);
      }
    });
  });
});
