import { parseLocale, type Locale } from '~/i18n';
import type { PageContext } from '~/features/forms/page-context';
import { rememberLocale } from '~/features/language/language.server';
import { profileApi } from '~/features/profile/profile-api.server';
import type { SignedIn } from './auth-api';
import { callContextOf } from './auth.server';
import { rotateCsrfToken } from './csrf.server';
import { landingPath } from './next-path';
import { storeTokens } from './session.server';

/**
 * Finishes a login, registration or password reset: keeps the new session in cookies, issues
 * a new CSRF token, remembers the owner's language and redirects to `next` (or the profile)
 * in that language.
 */
export async function completeSignIn(
  context: PageContext,
  signedIn: SignedIn,
  next: string | undefined,
  pageLocale: Locale,
): Promise<Response> {
  storeTokens(context, signedIn);
  rotateCsrfToken(context);
  const profile = await profileApi.get(signedIn.jwt, callContextOf(context));
  const saved = profile.ok ? profile.data.preferredLocale : signedIn.user.preferredLocale;
  const locale = parseLocale(saved ?? undefined) ?? pageLocale;
  rememberLocale(context, locale);
  return context.redirect(landingPath(next, locale), 303);
}
