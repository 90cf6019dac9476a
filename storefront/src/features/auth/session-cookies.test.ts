import { describe, expect, it } from 'vitest';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  cookieOptions,
  createPortalCookies,
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

/** A cookie jar that answers like Astro's: what was set, with its attributes. */
function fakeJar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const set = new Map<string, Record<string, unknown>>();
  const deleted = new Map<string, Record<string, unknown>>();
  return {
    values,
    set,
    deleted,
    jar: {
      get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined),
      set: (name: string, value: string, options: Record<string, unknown>) => {
        values.set(name, value);
        set.set(name, options);
      },
      delete: (name: string, options: Record<string, unknown>) => {
        values.delete(name);
        deleted.set(name, options);
      },
    },
  };
}

describe('createPortalCookies', () => {
  it.each([ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE, LOCALE_COOKIE])(
    'sets, reads and clears %s under the __Host- prefix when cookies are Secure',
    (name) => {
      const { jar, set, deleted, values } = fakeJar();
      const cookies = createPortalCookies(jar, true);

      cookies.set(name, 'v', 60);
      expect([...set.keys()]).toEqual([`__Host-${name}`]);
      // What a __Host- cookie must carry, or the browser drops it: Secure, Path=/, no Domain.
      expect(set.get(`__Host-${name}`)).toMatchObject({ secure: true, path: '/' });
      expect(set.get(`__Host-${name}`)).not.toHaveProperty('domain');
      expect(cookies.get(name)).toBe('v');

      cookies.delete(name);
      expect([...deleted.keys()]).toEqual([`__Host-${name}`]);
      expect(deleted.get(`__Host-${name}`)).toMatchObject({ secure: true, path: '/' });
      expect(values.size).toBe(0);
    },
  );

  it('ignores the plain name when cookies are Secure (a sibling subdomain could set it)', () => {
    const { jar } = fakeJar({ [CSRF_COOKIE]: 'planted', [ACCESS_COOKIE]: 'planted' });
    const cookies = createPortalCookies(jar, true);

    expect(cookies.get(CSRF_COOKIE)).toBeUndefined();
    expect(cookies.get(ACCESS_COOKIE)).toBeUndefined();
  });

  it('keeps the plain names over plain http, where a __Host- cookie cannot exist', () => {
    const { jar, set, deleted } = fakeJar({ [`__Host-${REFRESH_COOKIE}`]: 'other' });
    const cookies = createPortalCookies(jar, false);

    cookies.set(REFRESH_COOKIE, 'v');
    cookies.delete(ACCESS_COOKIE);

    expect([...set.keys()]).toEqual([REFRESH_COOKIE]);
    expect(set.get(REFRESH_COOKIE)).toMatchObject({ secure: false, path: '/' });
    expect([...deleted.keys()]).toEqual([ACCESS_COOKIE]);
    expect(cookies.get(REFRESH_COOKIE)).toBe('v');
  });
});
