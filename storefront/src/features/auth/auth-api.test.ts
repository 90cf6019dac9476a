import { describe, expect, it, vi } from 'vitest';
import type { CmsApi } from '~/lib/cms-api';
import { createAuthApi } from './auth-api';

const context = { requestId: 'req-1' };

describe('createAuthApi', () => {
  it('registers with the email as the username and the page language', async () => {
    const call = vi.fn(async () => ({ ok: true as const, data: {} })) as unknown as CmsApi;

    await createAuthApi(call).register(
      { email: 'sita@example.com', password: 'pw', displayName: 'Sita', preferredLocale: 'ne' },
      context,
    );

    expect(call).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'POST',
        path: '/api/auth/local/register',
        body: {
          username: 'sita@example.com',
          email: 'sita@example.com',
          password: 'pw',
          displayName: 'Sita',
          preferredLocale: 'ne',
        },
      }),
    );
  });

  it('logs out with the access token as bearer and the refresh token in the body', async () => {
    const call = vi.fn(async () => ({ ok: true as const, data: {} })) as unknown as CmsApi;

    await createAuthApi(call).logout({ jwt: 'access', refreshToken: 'refresh' }, context);

    expect(call).toHaveBeenCalledWith(
      expect.objectContaining({
        path: '/api/auth/logout',
        token: 'access',
        body: { refreshToken: 'refresh' },
      }),
    );
  });
});
