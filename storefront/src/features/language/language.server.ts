import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import type { Locale } from '~/i18n';
import { logEvent } from '~/lib/log';
import { callContextOf } from '~/features/auth/auth.server';
import { portalCookies } from '~/features/auth/cookie-security.server';
import { LOCALE_COOKIE, LOCALE_MAX_AGE_SECONDS } from '~/features/auth/session-cookies';
import { profileApi } from '~/features/profile/profile-api.server';
import { isOwnNavigation, readLanguageSwitch } from './locale-choice';

type RequestContext = Pick<APIContext, 'cookies' | 'locals' | 'url' | 'clientAddress'>;

/** Remembers a language in the visitor's browser for a year (`mg_locale`, `__Host-` in production). */
export function rememberLocale(context: RequestContext, locale: Locale): void {
  portalCookies(context).set(LOCALE_COOKIE, locale, LOCALE_MAX_AGE_SECONDS);
}

async function saveToProfile(context: RequestContext, locale: Locale): Promise<void> {
  const session = context.locals.session;
  if (!session || session.user?.preferredLocale === locale) return;
  const result = await profileApi.update(
    session.accessToken,
    { preferredLocale: locale },
    callContextOf(context),
  );
  if (result.ok) session.user = result.data;
  else logEvent('warn', 'language not saved to profile', { requestId: context.locals.requestId });
}

/**
 * Handles the language toggle's links (`?lang=1`): remembers the language in `mg_locale`,
 * saves it as the signed-in owner's `preferredLocale`, then redirects to the same page
 * without the marker, so a reload or a bookmark does not switch again.
 */
export const languageMiddleware = defineMiddleware(async (context, next) => {
  const choice = context.request.method === 'GET' ? readLanguageSwitch(context.url) : undefined;
  if (!choice) return next();
  if (isOwnNavigation(context.request.headers)) {
    rememberLocale(context, choice.locale);
    await saveToProfile(context, choice.locale);
  }
  return context.redirect(choice.cleanPath, 303);
});
