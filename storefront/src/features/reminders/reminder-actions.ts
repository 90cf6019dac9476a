import type { Locale, MessageKey } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { parseWholeNumber } from '~/features/forms/numbers';
import { readDateField } from '~/components/forms/date-field';
import type { CmsProblem } from '~/lib/cms-api';
import { SERVICE_KIND_CODES } from '~/features/service-records/service-kinds';
import type { ReminderChanges, ReminderPayload } from './reminders-api';

/** What an owner does to one reminder from a list: each is its own small form (no JS). */
export type ReminderAction =
  | { kind: 'snooze'; id: string; until: string }
  | { kind: 'dismiss'; id: string }
  | { kind: 'complete'; id: string; date?: string; odometerKm?: number }
  | { kind: 'create'; id: ''; payload: Omit<ReminderPayload, 'vehicleId'> }
  | { kind: 'templates'; id: ''; codes: string[] };

/** Service kinds an owner can pick for a reminder: the catalogue's; `other` names it. */
export const REMINDER_KINDS = SERVICE_KIND_CODES;

/** The new-reminder form's inputs, by CMS field. */
export const NEW_FIELDS = {
  kind: 'newKind',
  title: 'newTitle',
  dueDate: 'newDueDate',
  dueKm: 'newDueKm',
  everyMonths: 'newEveryMonths',
  everyKm: 'newEveryKm',
} as const;

/** The input of a reminder's form field: one id per reminder, so errors land at the right one. */
export const actionField = (field: 'until' | 'confirm' | 'date' | 'odometerKm', id: string) =>
  `${field}-${id}`;

/** What the owner typed into a refused form, to show it again as typed. */
export interface TypedAction {
  id: string;
  kind: string;
  fields: Record<string, string>;
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
  if (kind === 'create') return readNewReminder(form, locale, today);
  if (kind === 'templates') {
    const codes = form.all('template').filter((code): code is string => typeof code === 'string');
    return codes.length > 0
      ? { ok: true, typed, action: { kind, id: '', codes } }
      : refuse([{ key: 'reminders.errors.noTemplate' }]);
  }
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

/** What the due fields of a reminder form (new or edited) say, checked. */
interface DueFields {
  kind: string;
  title: string;
  dueDate?: string;
  dueKm?: number;
  everyMonths?: number;
  everyKm?: number;
  fixed: boolean;
}

/**
 * The due fields both reminder forms share (`ReminderFields.astro`): a kind (with a name for
 * `other`), due by a day and/or km (at least one), optionally recurring every N months
 * and/or N km, on a fixed schedule (renewals) or from each completion. `minDate` bounds the
 * due day (a new reminder's is today or later; an edited one may stay overdue).
 */
function readDueFields(
  form: FormFields,
  locale: Locale,
  kindOfForm: 'create' | 'edit',
  minDate: string | undefined,
):
  | { ok: true; typed: TypedAction; due: DueFields }
  | { ok: false; typed: TypedAction; errors: FormError[] } {
  const fields = Object.fromEntries(
    Object.values(NEW_FIELDS).map((name) => [name, form.text(name)]),
  );
  const fixed = form.checked('newFixed');
  const typed: TypedAction = {
    id: '',
    kind: kindOfForm,
    fields: { ...fields, newFixed: fixed ? 'on' : '' },
  };
  const errors: FormError[] = [];
  const kind = fields.newKind ?? '';
  if (!(REMINDER_KINDS as readonly string[]).includes(kind)) {
    errors.push({ field: NEW_FIELDS.kind, key: 'reminders.errors.kind' });
  }
  const title = (fields.newTitle ?? '').slice(0, 120);
  if (kind === 'other' && !title) {
    errors.push({ field: NEW_FIELDS.title, key: 'reminders.errors.title' });
  }
  const dueDate = readDateField(
    NEW_FIELDS.dueDate,
    fields.newDueDate ?? '',
    locale,
    minDate ? { min: minDate } : {},
  );
  if (dueDate.error) errors.push(dueDate.error);
  const whole = (name: keyof typeof NEW_FIELDS, key: MessageKey) => {
    const text = fields[NEW_FIELDS[name]] ?? '';
    if (text === '') return undefined;
    const value = parseWholeNumber(text);
    if (value === undefined || value < 1) errors.push({ field: NEW_FIELDS[name], key });
    return value;
  };
  const dueKm = whole('dueKm', 'reminders.errors.dueKm');
  const everyMonths = whole('everyMonths', 'reminders.errors.every');
  const everyKm = whole('everyKm', 'reminders.errors.every');
  const day = dueDate.error ? undefined : dueDate.value;
  if (
    !day &&
    dueKm === undefined &&
    !dueDate.error &&
    errors.every((e) => e.field !== NEW_FIELDS.dueKm)
  ) {
    errors.push({ field: NEW_FIELDS.dueDate, key: 'reminders.errors.dueNeeded' });
  }
  if (errors.length > 0) return { ok: false, typed, errors };
  return {
    ok: true,
    typed,
    due: { kind, title, dueDate: day, dueKm, everyMonths, everyKm, fixed },
  };
}

/** The new-reminder form: due today or later; what is left empty is not sent. */
function readNewReminder(form: FormFields, locale: Locale, today: string): ReadAction {
  const read = readDueFields(form, locale, 'create', today);
  if (!read.ok) return read;
  const { kind, title, dueDate, dueKm, everyMonths, everyKm, fixed } = read.due;
  return {
    ok: true,
    typed: read.typed,
    action: {
      kind: 'create',
      id: '',
      payload: {
        kind,
        ...(title ? { title } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(dueKm === undefined ? {} : { dueKm }),
        ...(everyMonths === undefined ? {} : { everyMonths }),
        ...(everyKm === undefined ? {} : { everyKm }),
        ...(fixed ? { schedule: 'fixed' as const } : {}),
      },
    },
  };
}

export type ReadEdit =
  | { ok: true; typed: TypedAction; payload: ReminderChanges }
  | { ok: false; typed: TypedAction; errors: FormError[] };

/**
 * The edit form of a reminder (the same fields as the new one): every field is sent, an
 * emptied one as null (a reminder due by date and km can become due by date only); the due
 * day may be past (an overdue reminder keeps its day when only its repetition changes).
 */
export function readReminderEdit(form: FormFields, locale: Locale): ReadEdit {
  const read = readDueFields(form, locale, 'edit', undefined);
  if (!read.ok) return read;
  const { kind, title, dueDate, dueKm, everyMonths, everyKm, fixed } = read.due;
  return {
    ok: true,
    typed: read.typed,
    payload: {
      kind,
      title: title || null,
      dueDate: dueDate ?? null,
      dueKm: dueKm ?? null,
      everyMonths: everyMonths ?? null,
      everyKm: everyKm ?? null,
      schedule: fixed ? 'fixed' : 'from-completion',
    },
  };
}

/** A reminder's due fields as the edit form shows them first (AD days; digits as typed). */
export function reminderFormValues(reminder: {
  kind: string;
  title: string | null;
  dueDate: string | null;
  dueKm: number | null;
  recurrence: { everyMonths: number | null; everyKm: number | null } | null;
  schedule: 'from-completion' | 'fixed';
}): Record<string, string> {
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    [NEW_FIELDS.kind]: reminder.kind,
    [NEW_FIELDS.title]: reminder.title ?? '',
    [NEW_FIELDS.dueDate]: reminder.dueDate ?? '',
    [NEW_FIELDS.dueKm]: text(reminder.dueKm),
    [NEW_FIELDS.everyMonths]: text(reminder.recurrence?.everyMonths),
    [NEW_FIELDS.everyKm]: text(reminder.recurrence?.everyKm),
    newFixed: reminder.schedule === 'fixed' ? 'on' : '',
  };
}

function addDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

const NEW_KEYS: Record<keyof typeof NEW_FIELDS, MessageKey> = {
  kind: 'reminders.errors.kind',
  title: 'reminders.errors.title',
  dueDate: 'reminders.errors.dueDate',
  dueKm: 'reminders.errors.dueKm',
  everyMonths: 'reminders.errors.every',
  everyKm: 'reminders.errors.every',
};

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
    if (id === '') {
      // The new-reminder form: the CMS's field is the form's `new…` input.
      const input =
        typeof name === 'string' && Object.hasOwn(NEW_FIELDS, name)
          ? NEW_FIELDS[name as keyof typeof NEW_FIELDS]
          : undefined;
      const key = input ? NEW_KEYS[name as keyof typeof NEW_FIELDS] : undefined;
      return input && key ? { field: input, key } : { key: 'forms.errors.generic' };
    }
    const known =
      typeof name === 'string' && Object.hasOwn(CMS_FIELDS, name) ? CMS_FIELDS[name] : undefined;
    if (known) return { field: actionField(known.field, id), key: known.key };
  }
  return { key: 'forms.errors.generic' };
}
