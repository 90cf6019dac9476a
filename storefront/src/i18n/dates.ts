import { t, type Locale, type MessageKey } from './index';
import { toBikramSambat, type CalendarDay } from './bikram-sambat';
import { dateTimeFormat, numberFormat } from './formats';

/** Dates are shown as the calendar day in Nepal, wherever the server runs. */
export const DATE_TIME_ZONE = 'Asia/Kathmandu';

const BS_MONTH_KEYS = [
  'dates.bikramSambatMonths.1',
  'dates.bikramSambatMonths.2',
  'dates.bikramSambatMonths.3',
  'dates.bikramSambatMonths.4',
  'dates.bikramSambatMonths.5',
  'dates.bikramSambatMonths.6',
  'dates.bikramSambatMonths.7',
  'dates.bikramSambatMonths.8',
  'dates.bikramSambatMonths.9',
  'dates.bikramSambatMonths.10',
  'dates.bikramSambatMonths.11',
  'dates.bikramSambatMonths.12',
] as const satisfies readonly MessageKey[];

/** The calendar day of an instant in Nepal. */
export function nepalCalendarDay(date: Date): CalendarDay {
  const parts = dateTimeFormat('en-CA', {
    timeZone: DATE_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function formatBikramSambat(day: CalendarDay, locale: Locale): string | undefined {
  const bs = toBikramSambat(day);
  if (!bs) return undefined;
  // The locale's own digits: Devanagari (०-९) in Nepali.
  const number = numberFormat(locale, { useGrouping: false });
  return t(locale, 'dates.bikramSambat', {
    year: number.format(bs.year),
    month: t(locale, BS_MONTH_KEYS[bs.month - 1]!),
    day: number.format(bs.day),
  });
}

/**
 * A date for reading, in the locale's words and digits. A locale whose `dates.display`
 * message has a `{bs}` placeholder (Nepali) also shows the Bikram Sambat date, e.g.
 * `२०२४ अप्रिल १३ (वि.सं. २०८१ बैशाख १)`; English shows `April 13, 2024`.
 */
export function formatDate(date: Date | string, locale: Locale): string {
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) return '';
  const ad = dateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: DATE_TIME_ZONE,
  }).format(instant);
  const template = t(locale, 'dates.display');
  if (!template.includes('{bs}')) return t(locale, 'dates.display', { ad });
  const bs = formatBikramSambat(nepalCalendarDay(instant), locale);
  return bs ? t(locale, 'dates.display', { ad, bs }) : ad;
}

/** The `datetime` attribute of a `<time>` element for a date: `YYYY-MM-DD` in Nepal. */
export function isoCalendarDate(date: Date | string): string {
  const { year, month, day } = nepalCalendarDay(typeof date === 'string' ? new Date(date) : date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
