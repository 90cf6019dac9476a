import { createFileTokens } from './file-tokens';

describe('file capabilities', () => {
  const at = (ms: number) => () => ms;
  const capability = {
    op: 'get' as const,
    key: 'documents/7/abc',
    contentType: 'application/pdf',
    fileName: 'bluebook.pdf',
    disposition: 'attachment' as const,
    exp: 1_000,
  };

  it('lets a token through until the second it expires', () => {
    const token = createFileTokens('secret', at(0)).issue(capability);
    expect(createFileTokens('secret', at(999_999)).check(token)).toEqual({ ok: true, capability });
    expect(createFileTokens('secret', at(1_000_000)).check(token)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a token whose payload was edited, or signed with another secret', () => {
    const token = createFileTokens('secret', at(0)).issue(capability);
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...capability, key: 'documents/8/xyz' })).toString(
      'base64url',
    );
    const tokens = createFileTokens('secret', at(0));
    expect(tokens.check(`${forged}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(createFileTokens('other', at(0)).check(token)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check('not-a-token')).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check(`${token}.extra`)).toEqual({ ok: false, reason: 'invalid' });
  });
});
