/**
 * Intl formatters, made once per locale and options and reused. Making one is costly (tens
 * of microseconds, more with a time zone): a garage page formats dozens of dates, and making
 * a formatter for each was a large part of its server time.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function reused<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  reused(
    `date|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  reused(
    `number|${locale}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  );
