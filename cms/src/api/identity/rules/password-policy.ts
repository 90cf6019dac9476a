import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRule = 'minLength' | 'maxLength' | 'matchesIdentity' | 'common';

export interface PasswordViolation {
  rule: PasswordRule;
  message: string;
}

const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()),
);

/**
 * The first rule `password` breaks, or null when it is acceptable: long enough, not the
 * account's own email or username, and not one of the ~50,000 most common passwords.
 */
export function checkPassword(
  password: string,
  identity: { email?: string; username?: string } = {},
): PasswordViolation | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return {
      rule: 'minLength',
      message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return {
      rule: 'maxLength',
      message: `password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    };
  }
  const lowered = password.trim().toLowerCase();
  const email = identity.email?.trim().toLowerCase();
  const identities = [email, email?.split('@')[0], identity.username?.trim().toLowerCase()];
  if (identities.some((value) => value && value === lowered)) {
    return { rule: 'matchesIdentity', message: 'password must not be your email or username' };
  }
  if (COMMON_PASSWORDS.has(lowered)) {
    return {
      rule: 'common',
      message: 'password is too common; choose one that is harder to guess',
    };
  }
  return null;
}
