import type { Locale, MessageKey } from '~/i18n';
import { dateReadingRules, readDateField } from '~/components/forms/date-field';
import { dateInputText } from '~/components/forms/date-input';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { toLatinDigits } from '~/features/forms/numbers';
import type { NewServicePayload, ServiceRecord } from './service-record-api';
import { SERVICE_KIND_CODES } from './service-kinds';

/** Nepal's offset all year: a time typed on the form is a time in Nepal. */
export const NEPAL_OFFSET = '+05:45';
/** The hour a service is planned at when the owner gives no time. */
export const DEFAULT_TIME = '10:00';
/** The earliest and latest days a service may be dated (the CMS takes 1950–2100). */
export const SERVICE_DATE_BOUNDS = { min: '1990-01-01', max: '2099-12-31' } as const;

const TEXT_LIMITS = { kindLabel: 120, centerName: 120, notes: 4000 } as const;

/** The schedule (and edit) form as typed; `date` is what the owner typed, AD or BS. */
export interface ServiceFormValues {
  date: string;
  time: string;
  kind: string;
  kindLabel: string;
  centerName: string;
  notes: string;
  /** Generated when the form is first shown, so a repeated submit makes one record. */
  idempotencyKey: string;
}

/** An empty schedule form with a fresh idempotency key. */
export function newServiceForm(key: string = crypto.randomUUID()): ServiceFormValues {
  return {
    date: '',
    time: DEFAULT_TIME,
    kind: 'general-service',
    kindLabel: '',
    centerName: '',
    notes: '',
    idempotencyKey: key,
  };
}

/** A day as the date field shows it: in BS where the locale's owners write BS. */
export function typedDay(isoDay: string, locale: Locale): string {
  return dateInputText(isoDay, locale, dateReadingRules(locale));
}

/** A scheduled record's form, for editing; the date as the locale's owners write it. */
export function serviceFormOf(record: ServiceRecord, locale: Locale): ServiceFormValues {
  const planned = new Date(record.scheduledAt ?? record.date);
  const [day, time] = nepalDayAndTime(planned);
  return {
    date: typedDay(day, locale),
    time,
    kind: record.kind,
    kindLabel: record.kindLabel ?? '',
    centerName: record.centerName ?? '',
    notes: record.notes ?? '',
    idempotencyKey: '',
  };
}

/** The day (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in Nepal. */
export function nepalDayAndTime(instant: Date): [string, string] {
  const shifted = new Date(instant.getTime() + (5 * 60 + 45) * 60_000).toISOString();
  return [shifted.slice(0, 10), shifted.slice(11, 16)];
}

/** The schedule form as posted. */
export function readServiceForm(form: FormFields): ServiceFormValues {
  return {
    date: form.text('date'),
    time: form.text('time'),
    kind: form.text('kind'),
    kindLabel: form.text('kindLabel'),
    centerName: form.text('centerName'),
    notes: form.text('notes'),
    idempotencyKey: form.text('idempotencyKey'),
  };
}

/** A time `HH:MM` (24 hours, Devanagari digits accepted), or undefined. */
export function readTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(toLatinDigits(text.trim()));
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const textOrNull = (value: string) => (value === '' ? null : value);

function tooLong(values: ServiceFormValues, errors: FormError[]) {
  for (const field of ['kindLabel', 'centerName', 'notes'] as const) {
    if (values[field].length > TEXT_LIMITS[field]) {
      errors.push({
        field,
        key: 'serviceRecords.errors.tooLong',
        params: { max: TEXT_LIMITS[field] },
      });
    }
  }
}

/**
 * The planned service to send, or the errors that keep it from being sent: the day in AD or
 * (in Nepali) BS, an optional time (10:00 when empty), a kind of the catalogue and, for
 * "other", words saying what.
 */
export function servicePayload(
  values: ServiceFormValues,
  locale: Locale,
): { payload: Omit<NewServicePayload, 'vehicleId'> } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const day = readDateField('date', values.date, locale, {
    ...SERVICE_DATE_BOUNDS,
    required: true,
  });
  if (day.error) errors.push(day.error);
  const time = values.time === '' ? DEFAULT_TIME : readTime(values.time);
  if (!time) errors.push({ field: 'time', key: 'serviceRecords.errors.time' });
  if (!(SERVICE_KIND_CODES as readonly string[]).includes(values.kind)) {
    errors.push({ field: 'kind', key: 'serviceRecords.errors.kind' });
  }
  if (values.kind === 'other' && values.kindLabel === '') {
    errors.push({ field: 'kindLabel', key: 'serviceRecords.errors.kindLabel' });
  }
  tooLong(values, errors);
  if (day.error || !day.value || !time || errors.length > 0) return { errors };
  return {
    payload: {
      scheduledAt: `${day.value}T${time}:00${NEPAL_OFFSET}`,
      kind: values.kind,
      kindLabel: values.kind === 'other' ? values.kindLabel : null,
      centerName: textOrNull(values.centerName),
      notes: textOrNull(values.notes),
    },
  };
}

/** The owner's words for a service kind field, for the select's options. */
export const KIND_LABEL_KEY = (code: string) => `serviceRecords.kinds.${code}` as MessageKey;
