import type { RateLimitConfig } from '../middlewares/rate-limit';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Sign-in counts failures only. One account from one address: 10 failures per 15 minutes,
 * forgotten on success, so an owner's own typos never lock them out for long and nobody
 * elsewhere can lock them out at all. One address across accounts: 300 failures per 15
 * minutes, because a Nepali mobile carrier puts very many owners behind one address
 * (carrier-grade NAT) and their typos add up, while one guesser there still gets at most 10
 * guesses per account and 300 in all. No per-account ceiling across addresses: any such
 * ceiling is a lever for anyone to lock an owner out; guessing spread over many addresses
 * meets the password policy (at least 10 characters, no common or guessable passwords).
 */
export const LOGIN_LIMITS = {
  perPair: { max: 10, windowSeconds: 15 * MINUTE },
  perAddress: { max: 300, windowSeconds: 15 * MINUTE },
};

const rateLimit = (config: RateLimitConfig) => ({ name: 'api::identity.rate-limit', config });
const normalizeEmail = (...fields: string[]) => ({
  name: 'api::identity.normalize-email',
  config: { fields },
});
const passwordPolicy = (identity: 'body' | 'reset-code' | 'signed-in') => ({
  name: 'api::identity.password-policy',
  config: { identity },
});

/**
 * The middlewares each users-permissions route runs before its action, by handler. Limits
 * live in the counter store (Redis across instances), which cache traffic cannot evict.
 * Per-address limits are sized for carrier-grade NAT: hundreds of owners per address.
 */
export const AUTH_ROUTE_GUARDS: Record<string, Array<{ name: string; config: unknown }>> = {
  'auth.callback': [
    normalizeEmail('identifier'),
    rateLimit({
      bucket: 'login',
      counts: 'failures',
      accountField: 'identifier',
      resolveAccount: true,
      limits: [
        { by: 'pair', ...LOGIN_LIMITS.perPair },
        { by: 'ip', ...LOGIN_LIMITS.perAddress },
      ],
    }),
  ],
  // Every registration counts, successes included: creating accounts is what is limited.
  // 200 an hour per address lets a busy carrier address sign up; 10 an hour per email
  // slows probing which addresses are taken without blocking the owner of one.
  'auth.register': [
    normalizeEmail('email'),
    rateLimit({
      bucket: 'register',
      counts: 'attempts',
      accountField: 'email',
      limits: [
        { by: 'account', max: 10, windowSeconds: HOUR },
        { by: 'ip', max: 200, windowSeconds: HOUR },
      ],
    }),
    { name: 'api::profile.registration-profile', config: {} },
    passwordPolicy('body'),
  ],
  // Every request sends mail: 3 an hour per account (the email, the only name this route
  // takes: users-permissions refuses a username here) keeps an inbox from being flooded (the
  // owner already holds the newest link), 100 an hour per address bounds one sender.
  'auth.forgotPassword': [
    normalizeEmail('email'),
    rateLimit({
      bucket: 'forgot-password',
      counts: 'attempts',
      accountField: 'email',
      limits: [
        { by: 'account', max: 3, windowSeconds: HOUR },
        { by: 'ip', max: 100, windowSeconds: HOUR },
      ],
    }),
  ],
  // Reset codes are 64 random bytes: only wrong codes count, 100 an hour per address.
  'auth.resetPassword': [
    rateLimit({
      bucket: 'reset-password',
      counts: 'failures',
      limits: [{ by: 'ip', max: 100, windowSeconds: HOUR }],
    }),
    passwordPolicy('reset-code'),
  ],
  // A signed-in caller guessing the current password: 10 wrong ones per 15 minutes per owner.
  'auth.changePassword': [
    rateLimit({
      bucket: 'change-password',
      counts: 'failures',
      limits: [
        { by: 'user', max: 10, windowSeconds: 15 * MINUTE },
        { by: 'ip', max: 100, windowSeconds: HOUR },
      ],
    }),
    passwordPolicy('signed-in'),
  ],
};
