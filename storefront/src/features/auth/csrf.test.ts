import { describe, expect, it } from 'vitest';
import {
  createCsrfToken,
  csrfTokensMatch,
  isSameOriginRequest,
  isWellFormedCsrfToken,
} from './csrf';

describe('createCsrfToken', () => {
  it('makes a fresh, well-formed token each time', () => {
    const first = createCsrfToken();

    expect(isWellFormedCsrfToken(first)).toBe(true);
    expect(createCsrfToken()).not.toBe(first);
  });
});

describe('csrfTokensMatch', () => {
  const token = createCsrfToken();

  it('accepts the token the cookie holds', () => {
    expect(csrfTokensMatch(token, `${token}`)).toBe(true);
  });

  it('refuses another token, a missing one, or junk', () => {
    expect(csrfTokensMatch(token, createCsrfToken())).toBe(false);
    expect(csrfTokensMatch(token, undefined)).toBe(false);
    expect(csrfTokensMatch(undefined, token)).toBe(false);
    expect(csrfTokensMatch(undefined, undefined)).toBe(false);
    expect(csrfTokensMatch(token, token.slice(1))).toBe(false);
    expect(csrfTokensMatch('short', 'short')).toBe(false);
  });
});

describe('isSameOriginRequest', () => {
  const headers = (values: Record<string, string>) =>
    new Headers({ host: 'portal.example:4421', ...values });

  it('accepts a post from the portal itself', () => {
    expect(
      isSameOriginRequest(
        headers({ origin: 'http://portal.example:4421', 'sec-fetch-site': 'same-origin' }),
      ),
    ).toBe(true);
  });

  it('refuses a post another site makes the browser send', () => {
    expect(isSameOriginRequest(headers({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOriginRequest(headers({ 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'null' }))).toBe(false);
  });

  it('accepts the public host a proxy forwards', () => {
    const proxied = new Headers({
      host: 'storefront:4321',
      'x-forwarded-host': 'motorghar.example',
      origin: 'https://motorghar.example',
    });

    expect(isSameOriginRequest(proxied)).toBe(true);
  });

  it('leaves a request without either header to the token check', () => {
    expect(isSameOriginRequest(headers({}))).toBe(true);
  });
});
