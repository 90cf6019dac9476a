import { checkPassword } from '../api/identity/rules/password-policy';

/**
 * Why `ADMIN_EMAIL`/`ADMIN_PASSWORD` cannot make the first admin, or null when they can.
 * Admins get the owners' password policy plus the admin panel's own rule (a lower-case
 * letter, an upper-case letter and a digit).
 */
export function adminCredentialsProblem(email?: string, password?: string): string | null {
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return "ADMIN_EMAIL must be set to the first admin's email address";
  }
  if (!password) return 'ADMIN_PASSWORD must be set; there is no default admin password';
  const violation = checkPassword(password, { email });
  if (violation) return `ADMIN_PASSWORD: ${violation.message}`;
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password)) {
    return 'ADMIN_PASSWORD must contain a lower-case letter, an upper-case letter and a digit';
  }
  return null;
}
