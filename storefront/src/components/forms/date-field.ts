import { t, type Locale, type MessageKey } from '~/i18n';
import { formatDate } from '~/i18n/dates';
import type { FormError } from '~/features/forms/form-errors';
import { readDateInput, type DateReadingRules } from './date-input';
import type { DatePreviewSettings } from './date-preview';

const BS_MONTHS = Array.from(
  { length: 12 },
  (_, index) => `dates.bikramSambatMonths.${index + 1}` as MessageKey,
);

/**
 * Whether a locale's owners write Bikram Sambat dates: the locales whose dates are shown with
 * the BS date beside them (a `{bs}` in `dates.display`, as in Nepali).
 */
export function dateReadingRules(locale: Locale): DateReadingRules {
  return { bikramSambat: t(locale, 'dates.display').includes('{bs}') };
}

/** Everything the date field island needs to read and preview dates, in the locale. */
export function datePreviewSettings(locale: Locale): DatePreviewSettings {
  return {
    ...dateReadingRules(locale),
    locale,
    isAd: t(locale, 'forms.date.isAd'),
    isBs: t(locale, 'forms.date.isBs'),
    bsDay: t(locale, 'dates.bikramSambat'),
    bsMonths: BS_MONTHS.map((key) => t(locale, key)),
  };
}

/** The days a date field takes, `YYYY-MM-DD` on the AD calendar, both ends included. */
export interface DateBounds {
  min?: string;
  max?: string;
  required?: boolean;
}

/** A date field read from a form: the AD day for the CMS, or why it cannot be one. */
export type DateFieldResult =
  | { value: string | undefined; error?: undefined }
  | { error: FormError };

const REASONS = {
  format: 'forms.errors.date.format',
  'not-a-day': 'forms.errors.date.notADay',
  'outside-table': 'forms.errors.date.outsideTable',
} as const satisfies Record<string, MessageKey>;

/**
 * Reads a date field as the form handler gets it (with or without JavaScript in the
 * browser): whatever the owner typed, in AD or BS, becomes the AD day `YYYY-MM-DD`. An empty
 * optional field is `undefined`; every refusal names the field and says what to type.
 */
export function readDateField(
  field: string,
  text: string,
  locale: Locale,
  bounds: DateBounds = {},
): DateFieldResult {
  const reading = readDateInput(text, dateReadingRules(locale));
  if (reading.kind === 'empty') {
    return bounds.required
      ? { error: { field, key: 'forms.errors.date.required' } }
      : { value: undefined };
  }
  if (reading.kind === 'invalid') return { error: { field, key: REASONS[reading.reason] } };
  const { min, max } = bounds;
  if ((min && reading.iso < min) || (max && reading.iso > max)) {
    return { error: { field, ...rangeError(locale, min, max) } };
  }
  return { value: reading.iso };
}

function rangeError(locale: Locale, min?: string, max?: string): Omit<FormError, 'field'> {
  if (min && max) {
    const params = { min: formatDate(min, locale), max: formatDate(max, locale) };
    return { key: 'forms.errors.date.between', params };
  }
  if (min) return { key: 'forms.errors.date.notBefore', params: { min: formatDate(min, locale) } };
  return { key: 'forms.errors.date.notAfter', params: { max: formatDate(max!, locale) } };
}
