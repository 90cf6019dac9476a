import type { Locale } from '~/i18n';
import { isoCalendarDate } from '~/i18n/dates';
import { paths } from '~/lib/paths';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { vehicleApi } from '~/features/garage/vehicle-api.server';
import { vehicleName } from '~/features/garage/vehicle-display';
import {
  actionErrorFor,
  readReminderAction,
  type ReminderAction,
  type TypedAction,
} from './reminder-actions';
import type { CmsResult } from '~/lib/cms-api';
import type { Reminder, ReminderTemplate, RemindersApi } from './reminders-api';
import { remindersApi } from './reminders-api.server';

/** The query parameter the redirect after an action sets: what was done. */
export const DONE_PARAM = 'done';
export const DONE = ['snooze', 'dismiss', 'complete', 'create', 'templates', 'edit'] as const;
export type DoneAction = (typeof DONE)[number];

export type RemindersView =
  | { kind: 'unavailable' }
  | {
      kind: 'list';
      reminders: Reminder[];
      /** Vehicle names by id, for the all-reminders list. */
      vehicleNames: Map<string, string>;
      /** The vehicle the list is narrowed to, if any (then reminders can be added). */
      vehicleId?: string;
      /** The usual reminders of that vehicle's type. */
      templates: ReminderTemplate[];
      done?: DoneAction;
      /** A refused action: what was typed, and why. */
      refused?: { typed: TypedAction; errors: FormError[] };
      today: string;
    };

/** Sends one action to the CMS; the CMS's refusal comes back at the form field it names. */
export async function performReminderAction(
  api: RemindersApi,
  owner: OwnerRequest,
  action: ReminderAction,
  vehicleId: string | undefined,
): Promise<CmsResult<unknown>> {
  const gone: CmsResult<unknown> = { ok: false, problem: { kind: 'rejected', status: 404 } };
  switch (action.kind) {
    case 'create':
      return vehicleId ? api.create(owner, { vehicleId, ...action.payload }) : gone;
    case 'templates':
      return vehicleId ? api.fromTemplates(owner, vehicleId, action.codes) : gone;
    case 'snooze':
      return api.snooze(owner, action.id, action.until);
    case 'dismiss':
      return api.dismiss(owner, action.id);
    case 'complete':
      return api.complete(owner, action.id, {
        ...(action.date ? { date: action.date } : {}),
        ...(action.odometerKm === undefined ? {} : { odometerKm: action.odometerKm }),
      });
  }
}

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Serves the reminders page (signed-in owners only): open reminders, most urgent first, all
 * of them or one vehicle's (`?vehicle=`). It also takes every reminder form of the portal
 * (the vehicle page's section posts here): a done action redirects back (`back=vehicle`
 * goes to the vehicle page) with a confirmation; a refused one shows this page with the
 * error at its field and what the owner typed.
 */
export async function remindersPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | RemindersView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);
  const today = isoCalendarDate(new Date());
  const vehicleParam = context.url.searchParams.get('vehicle') ?? undefined;
  const vehicleId = vehicleParam && ID.test(vehicleParam) ? vehicleParam : undefined;

  let refused: { typed: TypedAction; errors: FormError[] } | undefined;
  if (isFormPost(context)) {
    const form = await readForm(context.request);
    const read = readReminderAction(form, locale, today);
    if (read.ok) {
      const result = await performReminderAction(remindersApi, owner, read.action, vehicleId);
      if (result.ok) {
        const done = { [DONE_PARAM]: read.action.kind };
        const back =
          form.text('back') === 'vehicle' && vehicleId
            ? paths.vehicle(locale, vehicleId, done)
            : paths.reminders(locale, { vehicle: vehicleId, ...done });
        return context.redirect(back, 303);
      }
      if (isUnauthorized(result.problem)) return signedOut(context, locale);
      refused = {
        typed: read.typed,
        errors: [actionErrorFor(read.action.id, result.problem)],
      };
    } else {
      refused = { typed: read.typed, errors: read.errors };
    }
    context.response.status = 400;
  }

  // A call each for reminders, vehicle names and (for one vehicle) its templates, in parallel.
  const [reminders, vehicles, templates] = await Promise.all([
    remindersApi.list(owner, { vehicle: vehicleId }),
    vehicleApi.list(owner, { limit: 100 }),
    vehicleId ? remindersApi.templates(owner, vehicleId) : undefined,
  ]);
  if (!reminders.ok) {
    if (isUnauthorized(reminders.problem)) return signedOut(context, locale);
    return { kind: 'unavailable' };
  }
  const vehicleNames = new Map(
    vehicles.ok ? vehicles.data.items.map((vehicle) => [vehicle.id, vehicleName(vehicle)]) : [],
  );
  const doneParam = context.url.searchParams.get(DONE_PARAM);
  return {
    kind: 'list',
    reminders: reminders.data.items,
    vehicleNames,
    vehicleId,
    templates: templates?.ok ? templates.data : [],
    done: DONE.find((action) => action === doneParam),
    refused,
    today,
  };
}
