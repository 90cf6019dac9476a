import type { RateLimitConfig } from '../../middlewares/rate-limit';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

const rateLimit = (config: RateLimitConfig) => ({ name: 'global::rate-limit', config });
const normalizeEmail = (...fields: string[]) => ({
  name: 'global::normalize-email',
  config: { fields },
});
const passwordPolicy = (identity: 'body' | 'reset-code' | 'signed-in') => ({
  name: 'global::password-policy',
  config: { identity },
});

export const LOGIN_LIMITS = { perAddress: { max: 50, windowSeconds: 15 * MINUTE } };

/**
 * The middlewares each users-permissions route runs before its action, by handler. Limits
 * count every attempt, per client address and per account, in the shared cache.
 */
export const AUTH_ROUTE_GUARDS: Record<string, Array<{ name: string; config: unknown }>> = {
  'auth.callback': [
    normalizeEmail('identifier'),
    rateLimit({
      bucket: 'login',
      accountField: 'identifier',
      limits: [
        { by: 'account', max: 10, windowSeconds: 15 * MINUTE },
        { by: 'ip', ...LOGIN_LIMITS.perAddress },
      ],
    }),
  ],
  'auth.register': [
    normalizeEmail('email'),
    rateLimit({
      bucket: 'register',
      accountField: 'email',
      limits: [
        { by: 'account', max: 5, windowSeconds: HOUR },
        { by: 'ip', max: 20, windowSeconds: HOUR },
      ],
    }),
    { name: 'global::registration-profile', config: {} },
    passwordPolicy('body'),
  ],
  'auth.forgotPassword': [
    normalizeEmail('email'),
    rateLimit({
      bucket: 'forgot-password',
      accountField: 'email',
      limits: [
        { by: 'account', max: 3, windowSeconds: HOUR },
        { by: 'ip', max: 20, windowSeconds: HOUR },
      ],
    }),
  ],
  'auth.resetPassword': [
    rateLimit({ bucket: 'reset-password', limits: [{ by: 'ip', max: 20, windowSeconds: HOUR }] }),
    passwordPolicy('reset-code'),
  ],
  'auth.changePassword': [
    rateLimit({ bucket: 'change-password', limits: [{ by: 'ip', max: 20, windowSeconds: HOUR }] }),
    passwordPolicy('signed-in'),
  ],
};
