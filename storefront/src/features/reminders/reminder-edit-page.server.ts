import type { Locale } from '~/i18n';
import { paths } from '~/lib/paths';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import { actionErrorFor, readReminderEdit, reminderFormValues } from './reminder-actions';
import type { Reminder } from './reminders-api';
import { remindersApi } from './reminders-api.server';
import { DONE_PARAM } from './reminders-page.server';

export type ReminderEditView =
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | {
      kind: 'form';
      reminder: Reminder;
      /** The fields as the reminder is, or as typed into a refused form. */
      values: Record<string, string>;
      errors: FormError[];
      /** `vehicle`: the form came from the vehicle page and returns there. */
      back?: 'vehicle';
    };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * A reminder's edit page (signed-in owners only; works without JS): the due fields of the
 * new-reminder form, filled in as the reminder is. Saved: 303 to the reminders page (or the
 * vehicle page with `back=vehicle`) with `?done=edit`. Refused: 400, this page, the error at
 * its field (the CMS's 400 at the field it names, its 409 when the reminder was completed or
 * dismissed meanwhile).
 */
export async function reminderEditPage(
  context: PageContext,
  locale: Locale,
  id: string,
): Promise<Response | ReminderEditView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  if (!ID.test(id)) return { kind: 'not-found' };
  const owner = ownerRequest(context, session, locale);
  const back = context.url.searchParams.get('back') === 'vehicle' ? 'vehicle' : undefined;

  const current = await remindersApi.get(owner, id);
  if (!current.ok) {
    if (isUnauthorized(current.problem)) return signedOut(context, locale);
    if (current.problem.kind === 'rejected' && current.problem.status === 404) {
      return { kind: 'not-found' };
    }
    return { kind: 'unavailable' };
  }
  const reminder = current.data;
  if (!isFormPost(context)) {
    return { kind: 'form', reminder, values: reminderFormValues(reminder), errors: [], back };
  }

  const read = readReminderEdit(await readForm(context.request), locale);
  let errors: FormError[];
  if (read.ok) {
    const saved = await remindersApi.update(owner, id, read.payload);
    if (saved.ok) {
      const done = { [DONE_PARAM]: 'edit' };
      const vehicleId = saved.data.vehicleId ?? undefined;
      return context.redirect(
        back && vehicleId
          ? paths.vehicle(locale, vehicleId, done)
          : paths.reminders(locale, { vehicle: vehicleId, ...done }),
        303,
      );
    }
    if (isUnauthorized(saved.problem)) return signedOut(context, locale);
    errors = [actionErrorFor('', saved.problem)];
  } else {
    errors = read.errors;
  }
  context.response.status = 400;
  return { kind: 'form', reminder, values: read.typed.fields, errors, back };
}
