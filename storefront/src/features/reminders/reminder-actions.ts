import type { Locale, MessageKey } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { parseWholeNumber } from '~/features/forms/numbers';
import { readDateField } from '~/components/forms/date-field';
import type { CmsProblem } from '~/lib/cms-api';

/** What an owner does to one reminder from a list: each is its own small form (no JS). */
export type ReminderAction =
  | { kind: 'snooze'; id: string; until: string }
  | { kind: 'dismiss'; id: string }
  | { kind: 'complete'; id: string; date?: string; odometerKm?: number };

/** The input of a reminder's form field: one id per reminder, so errors land at the right one. */
export const actionField = (field: 'until' | 'confirm' | 'date' | 'odometerKm', id: string) =>
  `${field}-${id}`;

/** What the owner typed into a refused form, to show it again as typed. */
export interface TypedAction {
  id: string;
  kind: string;
  fields: { until?: string; date?: string; odometerKm?: string };
}

export type ReadAction =
  | { ok: true; action: ReminderAction; typed: TypedAction }
  | { ok: false; typed: TypedAction; errors: FormError[] };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Reads a posted reminder form. Snoozing needs a day after today (AD or, in `ne`, BS);
 * dismissing needs its confirmation box ticked; completing takes an optional day (not after
 * today) and odometer reading.
 */
export function readReminderAction(form: FormFields, locale: Locale, today: string): ReadAction {
  const id = form.text('id');
  const kind = form.text('action');
  const typed: TypedAction = {
    id,
    kind,
    fields: ID.test(id)
      ? {
          until: form.text(actionField('until', id)),
          date: form.text(actionField('date', id)),
          odometerKm: form.text(actionField('odometerKm', id)),
        }
      : {},
  };
  const refuse = (errors: FormError[]): ReadAction => ({ ok: false, typed, errors });
  if (!ID.test(id)) return refuse([{ key: 'reminders.errors.gone' }]);
  switch (kind) {
    case 'snooze': {
      const until = readDateField(actionField('until', id), typed.fields.until ?? '', locale, {
        required: true,
        min: addDay(today),
      });
      if (until.error) return refuse([until.error]);
      return { ok: true, typed, action: { kind, id, until: until.value! } };
    }
    case 'dismiss':
      return form.checked('confirm')
        ? { ok: true, typed, action: { kind, id } }
        : refuse([{ field: actionField('confirm', id), key: 'reminders.errors.confirmDismiss' }]);
    case 'complete': {
      const errors: FormError[] = [];
      const date = readDateField(actionField('date', id), typed.fields.date ?? '', locale, {
        max: today,
      });
      const day = date.error ? undefined : date.value;
      if (date.error) errors.push(date.error);
      const kmText = (typed.fields.odometerKm ?? '').trim();
      const odometerKm = kmText === '' ? undefined : parseWholeNumber(kmText);
      if (kmText !== '' && odometerKm === undefined) {
        errors.push({ field: actionField('odometerKm', id), key: 'reminders.errors.odometerKm' });
      }
      if (errors.length > 0) return refuse(errors);
      return {
        ok: true,
        typed,
        action: {
          kind,
          id,
          ...(day ? { date: day } : {}),
          ...(odometerKm === undefined ? {} : { odometerKm }),
        },
      };
    }
    default:
      return refuse([{ key: 'forms.errors.generic' }]);
  }
}

function addDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

const CMS_FIELDS: Record<string, { field: 'until' | 'date' | 'odometerKm'; key: MessageKey }> = {
  until: { field: 'until', key: 'reminders.errors.until' },
  date: { field: 'date', key: 'reminders.errors.date' },
  odometerKm: { field: 'odometerKm', key: 'reminders.errors.odometerKm' },
};

/**
 * The CMS's refusal of an action, at the form field it names: a 400 on `until`, `date` or
 * `odometerKm`; a 409 (someone, or another tab, changed the reminder first); a 404 (gone).
 */
export function actionErrorFor(id: string, problem: CmsProblem): FormError {
  if (problem.kind === 'rejected') {
    if (problem.status === 404) return { key: 'reminders.errors.gone' };
    if (problem.status === 409) return { key: 'reminders.errors.changed' };
    const errors = (problem.details as { errors?: Array<{ path?: unknown[] }> } | undefined)
      ?.errors;
    const name = errors?.[0]?.path?.[0];
    const known =
      typeof name === 'string' && Object.hasOwn(CMS_FIELDS, name) ? CMS_FIELDS[name] : undefined;
    if (known) return { field: actionField(known.field, id), key: known.key };
  }
  return { key: 'forms.errors.generic' };
}
