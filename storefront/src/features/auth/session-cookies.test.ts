import { describe, expect, it } from 'vitest';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  cookieOptions,
  LOCALE_COOKIE,
  LOCALE_MAX_AGE_SECONDS,
  REFRESH_COOKIE,
  REFRESH_MAX_AGE_SECONDS,
  shouldUseSecureCookies,
} from './session-cookies';

describe('cookie names and lifetimes', () => {
  it('are the ones the portal documents', () => {
    expect([ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE, LOCALE_COOKIE]).toEqual([
      'mg_access',
      'mg_refresh',
      'mg_csrf',
      'mg_locale',
    ]);
    expect(REFRESH_MAX_AGE_SECONDS).toBe(7 * 24 * 3600);
    expect(LOCALE_MAX_AGE_SECONDS).toBe(365 * 24 * 3600);
  });
});

describe('cookieOptions', () => {
  it('makes cookies HttpOnly, SameSite=Lax and site-wide', () => {
    expect(cookieOptions(true, 900)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      maxAge: 900,
    });
  });

  it('leaves Secure off when told and makes a session cookie without a max age', () => {
    const options = cookieOptions(false);

    expect(options.secure).toBe(false);
    expect(options).not.toHaveProperty('maxAge');
    expect(options.httpOnly).toBe(true);
  });
});

describe('shouldUseSecureCookies', () => {
  it('is on in production builds, even behind a proxy that speaks http', () => {
    expect(shouldUseSecureCookies({ flag: undefined, production: true, protocol: 'http:' })).toBe(
      true,
    );
  });

  it('is on in dev only for https requests', () => {
    expect(shouldUseSecureCookies({ flag: undefined, production: false, protocol: 'http:' })).toBe(
      false,
    );
    expect(shouldUseSecureCookies({ flag: undefined, production: false, protocol: 'https:' })).toBe(
      true,
    );
  });

  it('follows COOKIE_SECURE when it is set', () => {
    expect(shouldUseSecureCookies({ flag: false, production: true, protocol: 'https:' })).toBe(
      false,
    );
    expect(shouldUseSecureCookies({ flag: true, production: false, protocol: 'http:' })).toBe(true);
  });
});
