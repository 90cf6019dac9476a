import { adminCredentialsProblem } from './admin-credentials';

describe('first admin credentials', () => {
  it('accepts a real email and a strong password', () => {
    expect(adminCredentialsProblem('ops@motorghar.com.np', 'Everest-Base-8848')).toBeNull();
  });

  it.each([
    [undefined, 'Everest-Base-8848', /ADMIN_EMAIL/],
    ['not-an-email', 'Everest-Base-8848', /ADMIN_EMAIL/],
    ['ops@motorghar.com.np', undefined, /no default admin password/],
    ['ops@motorghar.com.np', 'Short1a', /at least 10 characters/],
    ['ops@motorghar.com.np', 'ops@motorghar.com.np', /email or username/],
    ['ops@motorghar.com.np', 'everest-base-camp', /upper-case letter/],
  ])('refuses %s / %s', (email, password, problem) => {
    expect(adminCredentialsProblem(email, password)).toMatch(problem);
  });
});
