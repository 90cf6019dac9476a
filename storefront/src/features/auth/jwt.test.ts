import { describe, expect, it } from 'vitest';
import { EXPIRY_MARGIN_SECONDS, isTokenFresh, jwtExpiry, secondsUntilExpiry } from './jwt';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtWith = (claims: object) => `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.sig`;

const exp = 1_800_000_000;
const at = (secondsBeforeExp: number) => (exp - secondsBeforeExp) * 1000;

describe('jwtExpiry', () => {
  it('reads exp from the payload without checking the signature', () => {
    expect(jwtExpiry(jwtWith({ userId: '1', type: 'access', exp }))).toBe(exp);
  });

  it('gives undefined for a token without a numeric exp or that is not a JWT', () => {
    expect(jwtExpiry(jwtWith({ userId: '1' }))).toBeUndefined();
    expect(jwtExpiry(jwtWith({ exp: '1800000000' }))).toBeUndefined();
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
    expect(jwtExpiry('a.%%%.c')).toBeUndefined();
    expect(jwtExpiry(`${part({})}.${part({ exp })}`)).toBeUndefined();
  });
});

describe('isTokenFresh', () => {
  const token = jwtWith({ exp });

  it('accepts a token until 30 seconds before it expires', () => {
    expect(EXPIRY_MARGIN_SECONDS).toBe(30);
    expect(isTokenFresh(token, at(31))).toBe(true);
    expect(isTokenFresh(token, at(30))).toBe(false);
    expect(isTokenFresh(token, at(-60))).toBe(false);
  });

  it('treats a token whose expiry cannot be read as expired', () => {
    expect(isTokenFresh('garbage', at(600))).toBe(false);
  });
});

describe('secondsUntilExpiry', () => {
  it('counts whole seconds to exp, never below zero', () => {
    const token = jwtWith({ exp });

    expect(secondsUntilExpiry(token, at(900))).toBe(900);
    expect(secondsUntilExpiry(token, at(-5))).toBe(0);
    expect(secondsUntilExpiry('garbage')).toBeUndefined();
  });
});
