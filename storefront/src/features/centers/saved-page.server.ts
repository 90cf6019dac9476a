import type { Locale } from '~/i18n';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import type { SavedCenter } from './centers-api';
import { centersApi } from './centers-api.server';
import { doneOf, type SaveIntent } from './save-action';
import { handleSaveAction } from './save-action.server';

export type SavedView =
  | { kind: 'unavailable' }
  | {
      kind: 'list';
      centers: SavedCenter[];
      nextCursor: string | null;
      laterPage: boolean;
      done?: SaveIntent;
      refusedSave?: 400 | 404 | 503;
    };

const CURSOR = /^[A-Za-z0-9_.~+/=-]{1,512}$/;

/** The owner's saved centers, newest first (signed-in owners only); unsave posts here. */
export async function savedPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | SavedView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  let refusedSave: 400 | 404 | 503 | undefined;
  if (isFormPost(context)) {
    const outcome = await handleSaveAction(context, locale);
    if (outcome instanceof Response) return outcome;
    refusedSave = outcome.status;
    context.response.status = outcome.status;
  }
  const cursorParam = context.url.searchParams.get('cursor') ?? '';
  const cursor = CURSOR.test(cursorParam) ? cursorParam : undefined;
  const result = await centersApi.saved(ownerRequest(context, session, locale), cursor);
  if (!result.ok) {
    if (isUnauthorized(result.problem)) return signedOut(context, locale);
    return { kind: 'unavailable' };
  }
  return {
    kind: 'list',
    centers: result.data.items,
    nextCursor: result.data.nextCursor,
    laterPage: !!cursor,
    done: doneOf(context.url.searchParams),
    refusedSave,
  };
}
