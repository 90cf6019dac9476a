import type { Locale } from '~/i18n';
import { readForm } from '~/features/forms/form-data';
import type { PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import { centersApi } from './centers-api.server';
import { backAfter, readSaveAction } from './save-action';

/** Why a save or unsave did not happen, for the page to say (404: the center is gone). */
export type SaveRefusal = { status: 400 | 404 | 503 };

/**
 * Takes a save or unsave form posted to a centers page. Done: a 303 back to the same address
 * with `done=`. Not signed in (or the session ended): the login page, which comes back here.
 * Otherwise the page shows why, with the status the CMS gave.
 */
export async function handleSaveAction(
  context: PageContext,
  locale: Locale,
): Promise<Response | SaveRefusal> {
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const action = readSaveAction(await readForm(context.request));
  if (!action) return { status: 400 };
  const owner = ownerRequest(context, session, locale);
  const result =
    action.intent === 'save'
      ? await centersApi.save(owner, action.centerId)
      : await centersApi.unsave(owner, action.centerId);
  if (result.ok) return context.redirect(backAfter(context.url, action.intent), 303);
  if (isUnauthorized(result.problem)) return signedOut(context, locale);
  // Unsaving what is no longer saved is what was asked for: done.
  if (
    action.intent === 'unsave' &&
    result.problem.kind === 'rejected' &&
    result.problem.status === 404
  ) {
    return context.redirect(backAfter(context.url, action.intent), 303);
  }
  if (result.problem.kind === 'rejected' && result.problem.status === 404) return { status: 404 };
  if (result.problem.kind === 'rejected' && result.problem.status === 400) return { status: 400 };
  return { status: 503 };
}
