import type { Locale } from '~/i18n';
import { keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from './garage-errors';
import { ownerRequest, signedOut, toLogin } from './owner.server';
import type { Vehicle } from './vehicle-api';
import { vehicleApi } from './vehicle-api.server';
import { paths } from '~/lib/paths';
import { nextReminderByVehicle, type Reminder } from '~/features/reminders/reminders-api';
import { remindersApi } from '~/features/reminders/reminders-api.server';
import { isOpen, type VehicleRecall } from '~/features/recalls/recalls-api';
import { recallsApi } from '~/features/recalls/recalls-api.server';
import { keepPage, keptPageResponse, keptPages } from '~/lib/kept-pages.server';

/** The query parameter the redirect after deleting a vehicle sets. */
export const DELETED_PARAM = 'deleted';

/** Vehicles per page of the garage. */
export const GARAGE_PAGE_SIZE = 12;

/**
 * Open recalls the garage shows in full, most severe first; the recalls page has them all.
 * An owner with a dozen vehicles can have dozens, each with its status form: the garage
 * stays an overview (and a page a fraction of the size).
 */
export const GARAGE_RECALLS_SHOWN = 3;

/** What the garage page shows. */
export type GarageView =
  | { kind: 'unavailable' }
  | {
      kind: 'list';
      vehicles: Vehicle[];
      /** The cursor of the next page, or null on the last one. */
      nextCursor: string | null;
      /** Whether this is a later page (reached through "Show more"). */
      laterPage: boolean;
      /** Whether the owner just deleted a vehicle. */
      deleted: boolean;
      /** Each vehicle's most urgent open reminder (none when the reminders cannot load). */
      nextReminders: Map<string, Reminder>;
      /** Open recalls of all the owner's vehicles, most severe first (null: not loaded). */
      recalls: VehicleRecall[] | null;
    };

/**
 * What a kept garage page is kept under: the visitor's CSRF token (in every form of it), the
 * owner's profile as the page shows it, and the URL. None when the page is not worth keeping
 * (no profile to tell owners apart; the one-off "deleted" notice).
 */
function keptPageKey(context: PageContext): string | undefined {
  const { session, csrfToken } = context.locals;
  if (!session?.user || context.url.searchParams.has(DELETED_PARAM)) return undefined;
  return [csrfToken, JSON.stringify(session.user), context.url.pathname, context.url.search].join(
    '\n',
  );
}

/**
 * Serves the garage (signed-in owners only): one page of vehicles, newest first. A cursor the
 * CMS refuses (tampered or stale) leads back to the first page.
 *
 * The page this process rendered last for this visitor and URL is served again while the
 * CMS's version of the garage (`GET /api/garage/version`) is the same: one small CMS call
 * instead of three and a render. The version is read before the data, so a page is never
 * kept under a version newer than what it shows; a page is kept only when all three answers
 * came, never a degraded one.
 */
export async function garagePage(
  context: PageContext,
  locale: Locale,
): Promise<Response | GarageView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const cursor = context.url.searchParams.get('cursor') || undefined;
  const owner = ownerRequest(context, session, locale);
  const page = { limit: GARAGE_PAGE_SIZE, cursor };
  const key = keptPageKey(context);
  let version: string | undefined;
  if (key !== undefined) {
    const current = await vehicleApi.version(owner, page);
    if (current.ok) {
      const kept = keptPages.get(key, current.data);
      if (kept !== undefined) return keptPageResponse(kept);
      version = current.data;
    }
  }
  // One reminders call and one recalls call for the whole page (not one per card), alongside
  // the vehicles.
  const [result, reminders, recalls] = await Promise.all([
    vehicleApi.list(owner, page),
    remindersApi.list(owner),
    recallsApi.mine(owner),
  ]);
  if (!result.ok) {
    if (isUnauthorized(result.problem)) return signedOut(context, locale);
    const badCursor = cursor && result.problem.kind === 'rejected' && result.problem.status === 400;
    return badCursor ? context.redirect(paths.garage(locale), 303) : { kind: 'unavailable' };
  }
  if (key !== undefined && version !== undefined && reminders.ok && recalls.ok) {
    keepPage(context, key, version);
  }
  return {
    kind: 'list',
    vehicles: result.data.items,
    nextCursor: result.data.nextCursor,
    laterPage: cursor !== undefined,
    deleted: context.url.searchParams.has(DELETED_PARAM),
    nextReminders: nextReminderByVehicle(reminders.ok ? reminders.data.items : []),
    recalls: recalls.ok ? recalls.data.filter(isOpen) : null,
  };
}
