import { describe, expect, it, vi } from 'vitest';
import { resolveSession, type RenewalOutcome } from './session';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = 1_800_000_000_000;
const tokenExpiringIn = (seconds: number) =>
  `${part({ alg: 'HS256' })}.${part({ exp: now / 1000 + seconds })}.sig`;

const fresh = tokenExpiringIn(600);
const expired = tokenExpiringIn(10);
const newPair = { jwt: tokenExpiringIn(900), refreshToken: 'refresh-2' };

const renewWith = (outcome: RenewalOutcome) => vi.fn(async () => outcome);

describe('resolveSession', () => {
  it('uses a fresh access token as it is, without calling the CMS', async () => {
    const renew = renewWith({ kind: 'refused' });

    await expect(resolveSession({ access: fresh, refresh: 'r' }, renew, now)).resolves.toEqual({
      kind: 'active',
      accessToken: fresh,
    });
    expect(renew).not.toHaveBeenCalled();
  });

  it('renews an access token within 30 seconds of expiry', async () => {
    const renew = renewWith({ kind: 'renewed', tokens: newPair });

    await expect(resolveSession({ access: expired, refresh: 'r' }, renew, now)).resolves.toEqual({
      kind: 'renewed',
      tokens: newPair,
    });
    expect(renew).toHaveBeenCalledWith('r');
  });

  it('renews when only the refresh cookie is left', async () => {
    const renew = renewWith({ kind: 'renewed', tokens: newPair });

    await expect(resolveSession({ refresh: 'r' }, renew, now)).resolves.toMatchObject({
      kind: 'renewed',
    });
  });

  it('ends the session when the CMS refuses the refresh token', async () => {
    await expect(
      resolveSession({ access: expired, refresh: 'r' }, renewWith({ kind: 'refused' }), now),
    ).resolves.toEqual({ kind: 'ended' });
  });

  it('keeps the cookies when the CMS cannot be reached', async () => {
    await expect(
      resolveSession({ refresh: 'r' }, renewWith({ kind: 'unavailable' }), now),
    ).resolves.toEqual({ kind: 'unavailable' });
  });

  it('clears a stale access token that has no refresh token', async () => {
    await expect(
      resolveSession({ access: expired }, renewWith({ kind: 'refused' }), now),
    ).resolves.toEqual({ kind: 'ended' });
  });

  it('is anonymous without cookies', async () => {
    await expect(resolveSession({}, renewWith({ kind: 'refused' }), now)).resolves.toEqual({
      kind: 'anonymous',
    });
  });
});
