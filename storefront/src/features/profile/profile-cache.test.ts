import { describe, expect, it, vi } from 'vitest';
import type { CmsResult } from '~/lib/cms-api';
import type { Profile, ProfileApi } from './profile-api';
import { createCachedProfileApi, PROFILE_TTL_MS } from './profile-cache';

const call = { requestId: 'req-1' };
const profile = (displayName: string): Profile => ({
  email: 'owner@example.com',
  displayName,
  preferredLocale: 'ne',
  notificationChannels: { email: true, sms: false },
});
const ok = (data: Profile): CmsResult<Profile> => ({ ok: true, data });
const unauthorized: CmsResult<Profile> = {
  ok: false,
  problem: { kind: 'rejected', status: 401, name: 'UnauthorizedError' },
};

function setup(answers: Array<CmsResult<Profile>>) {
  let time = 0;
  const api: ProfileApi = {
    get: vi.fn(async () => answers.shift() ?? ok(profile('fallback'))),
    update: vi.fn(async () => answers.shift() ?? ok(profile('updated'))),
  };
  const cached = createCachedProfileApi(api, { ttlMs: 15_000, now: () => time });
  return { api, cached, advance: (ms: number) => (time += ms) };
}

describe('cached profile api (the session profile of every signed-in page)', () => {
  it('asks the CMS once per access token while the profile is fresh', async () => {
    const { api, cached, advance } = setup([ok(profile('Sita'))]);

    await Promise.all([cached.forSession('token-a', call), cached.forSession('token-a', call)]);
    advance(14_999);
    await expect(cached.forSession('token-a', call)).resolves.toEqual(ok(profile('Sita')));

    expect(api.get).toHaveBeenCalledTimes(1);
  });

  it('keeps each token apart and asks again after the time to live', async () => {
    const { api, cached, advance } = setup([
      ok(profile('A')),
      ok(profile('B')),
      ok(profile('A again')),
    ]);

    await cached.forSession('token-a', call);
    await expect(cached.forSession('token-b', call)).resolves.toEqual(ok(profile('B')));
    advance(15_000);
    await expect(cached.forSession('token-a', call)).resolves.toEqual(ok(profile('A again')));

    expect(api.get).toHaveBeenCalledTimes(3);
  });

  it('never keeps a refusal: a revoked token is asked about on every request', async () => {
    const { api, cached } = setup([unauthorized, unauthorized]);

    await expect(cached.forSession('revoked', call)).resolves.toEqual(unauthorized);
    await expect(cached.forSession('revoked', call)).resolves.toEqual(unauthorized);

    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('forgets a token on sign-out', async () => {
    const { api, cached } = setup([ok(profile('A')), unauthorized]);

    await cached.forSession('token-a', call);
    cached.forget('token-a');

    await expect(cached.forSession('token-a', call)).resolves.toEqual(unauthorized);
    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('shows a saved change at once: an update replaces the cached profile', async () => {
    const { api, cached } = setup([ok(profile('old')), ok(profile('new'))]);

    await cached.forSession('token-a', call);
    await cached.update('token-a', { displayName: 'new' }, call);

    await expect(cached.forSession('token-a', call)).resolves.toEqual(ok(profile('new')));
    expect(api.get).toHaveBeenCalledTimes(1);
  });

  it('reads fresh on get (the profile page) and refreshes the session copy with it', async () => {
    const { api, cached } = setup([ok(profile('old')), ok(profile('edited in the CMS'))]);

    await cached.forSession('token-a', call);
    await expect(cached.get('token-a', call)).resolves.toEqual(ok(profile('edited in the CMS')));
    await expect(cached.forSession('token-a', call)).resolves.toEqual(
      ok(profile('edited in the CMS')),
    );
    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('drops the session copy when a fresh read or an update is refused', async () => {
    const { api, cached } = setup([ok(profile('A')), unauthorized, unauthorized]);

    await cached.forSession('token-a', call);
    await cached.get('token-a', call);

    await expect(cached.forSession('token-a', call)).resolves.toEqual(unauthorized);
    expect(api.get).toHaveBeenCalledTimes(3);
  });

  it('keeps profiles for a short time by default', () => {
    expect(PROFILE_TTL_MS).toBeGreaterThan(0);
    expect(PROFILE_TTL_MS).toBeLessThanOrEqual(30_000);
  });
});
