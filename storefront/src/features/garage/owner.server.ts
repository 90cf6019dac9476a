import type { Locale } from '~/i18n';
import { callContextOf } from '~/features/auth/auth.server';
import type { Session } from '~/features/auth/session';
import { clearTokens } from '~/features/auth/session.server';
import type { PageContext } from '~/features/forms/page-context';
import type { OwnerRequest } from './vehicle-api';
import { paths } from '~/lib/paths';

/** The login page, with `next` pointing back at the page asked for (query included). */
export function toLogin(context: PageContext, locale: Locale): Response {
  return context.redirect(paths.login(locale, `${context.url.pathname}${context.url.search}`), 303);
}

/** Ends a session the CMS no longer accepts and asks the owner to log in again. */
export function signedOut(context: PageContext, locale: Locale): Response {
  clearTokens(context);
  return toLogin(context, locale);
}

/** The signed-in owner's CMS calls for this request, with catalog names in `locale`. */
export function ownerRequest(
  context: Pick<PageContext, 'locals'>,
  session: Session,
  locale: Locale,
): OwnerRequest {
  return { accessToken: session.accessToken, locale, context: callContextOf(context) };
}
