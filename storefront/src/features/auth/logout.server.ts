import type { APIContext } from 'astro';
import type { Locale } from '~/i18n';
import { profileApi } from '~/features/profile/profile-api.server';
import { authApi, callContextOf } from './auth.server';
import { rotateCsrfToken } from './csrf.server';
import { clearTokens, readTokens } from './session.server';
import { paths } from '~/lib/paths';

/**
 * Signs the owner out: asks the CMS to end the session (so the refresh token and the access
 * token stop working), clears the cookies whatever the CMS answers, and goes home. The
 * language cookie stays, so the portal keeps speaking the owner's language.
 */
export async function logOut(context: APIContext, locale: Locale): Promise<Response> {
  const { jwt, refreshToken } = readTokens(context);
  const accessToken = context.locals.session?.accessToken ?? jwt;
  if (accessToken && refreshToken) {
    await authApi.logout({ jwt: accessToken, refreshToken }, callContextOf(context));
  }
  if (accessToken) profileApi.forget(accessToken);
  clearTokens(context);
  rotateCsrfToken(context);
  return context.redirect(paths.home(locale), 303);
}
