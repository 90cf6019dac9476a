import { numberFormat } from '~/i18n/formats';
import { t, type Locale, type MessageParams } from '~/i18n';
import type { FormError } from './form-errors';

/** A form error in the page's language, ready to render. */
export interface ShownError {
  field?: string;
  message: string;
}

function localizedParams(locale: Locale, params: MessageParams = {}): MessageParams {
  const number = numberFormat(locale, { useGrouping: false });
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? number.format(value) : value,
    ]),
  );
}

/** Translates form errors, writing numbers in the locale's digits (१५ in Nepali). */
export function showErrors(locale: Locale, errors: FormError[]): ShownError[] {
  return errors.map(({ field, key, params }) => ({
    field,
    message: t(locale, key, localizedParams(locale, params)),
  }));
}

/** The message shown at one field, if any. */
export function errorAt(errors: ShownError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/** The document title: prefixed while the page shows errors, so screen readers hear it first. */
export function pageTitle(locale: Locale, heading: string, errors: ShownError[]): string {
  return errors.length > 0 ? `${t(locale, 'forms.errorPrefix')} ${heading}` : heading;
}
