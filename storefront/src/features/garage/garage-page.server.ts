import { parseLocale, type Locale } from '~/i18n';
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
import { keepPage, type PageKeeping } from '~/lib/kept-pages.server';

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

/** Whether the "vehicle deleted" notice (the one-off `?deleted`) is asked for. */
const deletedNotice = (url: URL) => url.searchParams.has(DELETED_PARAM);

/** The page of vehicles a garage URL asks for. */
const pageOf = (url: URL) => ({
  limit: GARAGE_PAGE_SIZE,
  cursor: url.searchParams.get('cursor') || undefined,
});

/**
 * How the garage page is kept (lib/kept-pages.server.ts): per visitor's CSRF token (in every
 * form of it), the owner's profile as the page shows it, and the URL, under the CMS's version
 * of the garage (`GET /api/garage/version`), which moves whenever the vehicles, reminders or
 * recalls the page shows could. Not kept: no profile to tell owners apart, the one-off
 * "deleted" notice, a locale that is not one.
 */
export const garageKeeping: PageKeeping = {
  key(context) {
    const { session, csrfToken } = context.locals;
    if (!session?.user || deletedNotice(context.url) || !parseLocale(context.params.locale)) {
      return undefined;
    }
    const { pathname, search } = context.url;
    return [csrfToken, JSON.stringify(session.user), pathname, search].join('\n');
  },
  async version(context) {
    const { session } = context.locals;
    const locale = parseLocale(context.params.locale);
    if (!session || !locale) return undefined;
    const current = await vehicleApi.version(
      ownerRequest(context, session, locale),
      pageOf(context.url),
    );
    return current.ok ? current.data : undefined;
  },
};

/**
 * Serves the garage (signed-in owners only): one page of vehicles, newest first. A cursor the
 * CMS refuses (tampered or stale) leads back to the first page.
 *
 * A garage rendered from all three answers is kept (`garageKeeping`): the kept-pages
 * middleware serves it again, before this runs, while the CMS's version of the garage holds.
 * It read that version before this reads the data, so a page is never kept under a version
 * newer than what it shows; a degraded page (one answer missing) is never kept.
 */
export async function garagePage(
  context: PageContext,
  locale: Locale,
): Promise<Response | GarageView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const page = pageOf(context.url);
  const cursor = page.cursor;
  const owner = ownerRequest(context, session, locale);
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
  if (reminders.ok && recalls.ok) keepPage(context);
  return {
    kind: 'list',
    vehicles: result.data.items,
    nextCursor: result.data.nextCursor,
    laterPage: cursor !== undefined,
    deleted: deletedNotice(context.url),
    nextReminders: nextReminderByVehicle(reminders.ok ? reminders.data.items : []),
    recalls: recalls.ok ? recalls.data.filter(isOpen) : null,
  };
}
