import type { Locale } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import { paths } from '~/lib/paths';
import { feedUrls, type FeedState } from './calendar-feed-api';
import { calendarFeedApi } from './calendar-feed-api.server';

/** What the calendar subscription page shows. */
export type CalendarFeedView =
  | { kind: 'unavailable' }
  | {
      kind: 'feed';
      state: FeedState;
      /** The new link, right after it was made: shown this once, never stored by the portal. */
      issued?: { https: string; webcal: string };
      revoked: boolean;
      errors: FormError[];
    };

const REVOKED_PARAM = 'revoked';

/**
 * Serves "Calendar subscription": whether the owner has a feed link, and forms to make one
 * (or a new one) and to stop it. A new link is shown in the answer to the post itself, not
 * after a redirect, so the token never sits in an address, a history or a log.
 */
export async function calendarFeedPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | CalendarFeedView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);
  const errors: FormError[] = [];

  if (isFormPost(context)) {
    const intent = (await readForm(context.request)).text('intent');
    if (intent === 'rotate') {
      const issued = await calendarFeedApi.rotate(owner);
      if (issued.ok) {
        return {
          kind: 'feed',
          state: { exists: true, createdAt: issued.data.createdAt },
          issued: feedUrls(context.url.origin, paths.calendarFeed(issued.data.token)),
          revoked: false,
          errors,
        };
      }
      if (isUnauthorized(issued.problem)) return signedOut(context, locale);
      errors.push({ key: 'profile.calendar.unavailable' });
    } else if (intent === 'revoke') {
      const revoked = await calendarFeedApi.revoke(owner);
      if (revoked.ok) {
        return context.redirect(paths.profileCalendar(locale, { [REVOKED_PARAM]: '1' }), 303);
      }
      if (isUnauthorized(revoked.problem)) return signedOut(context, locale);
      errors.push({ key: 'profile.calendar.unavailable' });
    } else {
      context.response.status = 400;
      errors.push({ key: 'forms.errors.generic' });
    }
  }

  const state = await calendarFeedApi.state(owner);
  if (!state.ok) {
    return isUnauthorized(state.problem) ? signedOut(context, locale) : { kind: 'unavailable' };
  }
  return {
    kind: 'feed',
    state: state.data,
    revoked: !isFormPost(context) && context.url.searchParams.has(REVOKED_PARAM),
    errors,
  };
}
