import { unverifiedClaims } from './session-guard';

const token = (claims: object) =>
  `Bearer eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('reading bearer claims', () => {
  it('reads the session of an access token', () => {
    expect(unverifiedClaims(token({ type: 'access', sessionId: 's1' }))).toEqual({
      type: 'access',
      sessionId: 's1',
    });
  });

  it('ignores what is not a bearer JWT', () => {
    expect(unverifiedClaims(undefined)).toBeNull();
    expect(unverifiedClaims('Basic dXNlcjpwYXNz')).toBeNull();
    expect(unverifiedClaims('Bearer not-a-jwt')).toBeNull();
    expect(unverifiedClaims('Bearer a.%%%.c')).toBeNull();
  });
});
