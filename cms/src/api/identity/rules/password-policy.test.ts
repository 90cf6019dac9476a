import { checkPassword } from './password-policy';

describe('password policy', () => {
  const identity = { email: 'Sita.Sharma@Example.com', username: 'sita-sharma' };

  it('accepts a long, personal, uncommon password', () => {
    expect(checkPassword('Pokhara-Lakeside-2081', identity)).toBeNull();
  });

  it('refuses fewer than 10 characters', () => {
    expect(checkPassword('Short-1a', identity)?.rule).toBe('minLength');
  });

  it('refuses the email, its local part or the username, whatever the case', () => {
    expect(checkPassword('sita.sharma@example.com', identity)?.rule).toBe('matchesIdentity');
    expect(checkPassword('SITA.SHARMA', { email: 'sita.sharma@x.np' })?.rule).toBe(
      'matchesIdentity',
    );
    expect(checkPassword('Sita-Sharma', identity)?.rule).toBe('matchesIdentity');
  });

  it('refuses common passwords of 10 characters or more', () => {
    for (const common of ['1234567890', 'qwertyuiop', 'Password123', 'basketball']) {
      expect(checkPassword(common, identity)?.rule).toBe('common');
    }
  });

  it('refuses an absurdly long password', () => {
    expect(checkPassword('x'.repeat(129), identity)?.rule).toBe('maxLength');
  });

  it('names the rule in its message', () => {
    expect(checkPassword('short', identity)?.message).toMatch(/at least 10 characters/);
  });
});
