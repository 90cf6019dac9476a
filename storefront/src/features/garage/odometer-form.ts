import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { parseWholeNumber } from '~/features/forms/numbers';
import type { ReadingPayload } from './vehicle-api';
import { isDateUpToToday, ODOMETER_MAX_KM } from './vehicle-form';

/** The add-a-reading form as typed. */
export interface ReadingFormValues {
  readingKm: string;
  readOn: string;
  correction: boolean;
}

/** An empty reading form, dated today. */
export function newReadingForm(today: string): ReadingFormValues {
  return { readingKm: '', readOn: today, correction: false };
}

/** The reading form as the owner submitted it. */
export function readReadingForm(form: FormFields): ReadingFormValues {
  return {
    readingKm: form.text('readingKm'),
    readOn: form.text('readOn'),
    correction: form.checked('correction'),
  };
}

/**
 * The reading to send, or the errors that keep it from being sent. An empty date means
 * today (the CMS's default).
 */
export function readingPayload(
  values: ReadingFormValues,
  today: string,
): { payload: ReadingPayload } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const km = parseWholeNumber(values.readingKm);
  if (km === undefined || km > ODOMETER_MAX_KM) {
    errors.push({ field: 'readingKm', key: 'garage.errors.readingKm' });
  }
  if (values.readOn !== '' && !isDateUpToToday(values.readOn, today)) {
    errors.push({ field: 'readOn', key: 'garage.errors.readOn' });
  }
  if (errors.length > 0 || km === undefined) return { errors };
  return {
    payload: {
      readingKm: km,
      ...(values.readOn ? { readOn: values.readOn } : {}),
      ...(values.correction ? { correction: true } : {}),
    },
  };
}
