import { dateTimeFormat } from '~/i18n/formats';
import { t, type Locale, type MessageKey } from '~/i18n';
import { localeDigits } from '~/i18n/digits';
import { dateReadingRules } from '~/components/forms/date-field';
import {
  monthBounds,
  type CalendarMonth,
  type CalendarSystem,
  type DayEvent,
  type MonthDay,
} from './month-calendar';
import type { CalendarDay } from '~/i18n/bikram-sambat';

/** The calendar a locale's month view uses: BS where its owners write BS dates (Nepali). */
export function calendarFor(locale: Locale): CalendarSystem {
  return dateReadingRules(locale).bikramSambat ? 'bs' : 'ad';
}

const toDate = ({ year, month, day }: CalendarDay) => new Date(Date.UTC(year, month - 1, day));

const adFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  dateTimeFormat(locale, { ...options, timeZone: 'UTC' });

function bsMonthName(month: number, locale: Locale): string {
  return t(locale, `dates.bikramSambatMonths.${month}` as MessageKey);
}

/** A month's name with its year: `Shrawan 2081 BS`, `साउन २०८१`, `July 2024`. */
export function monthTitle(month: CalendarMonth, locale: Locale): string {
  if (month.calendar === 'ad') {
    return adFormat(locale, { month: 'long', year: 'numeric' }).format(
      toDate({ year: month.year, month: month.month, day: 1 }),
    );
  }
  return t(locale, 'dates.bikramSambatMonth', {
    month: bsMonthName(month.month, locale),
    year: localeDigits(String(month.year), locale),
  });
}

/** The AD days a BS month spans, for its header: `16 July – 16 August 2024`; none for AD. */
export function adRange(month: CalendarMonth, locale: Locale): string | undefined {
  if (month.calendar === 'ad') return undefined;
  const { first, last } = monthBounds(month);
  return adFormat(locale, { dateStyle: 'long' }).formatRange(toDate(first), toDate(last));
}

/** The weekday headers, Sunday first: a short name to show and the full one for its `abbr`. */
export function weekdayHeaders(locale: Locale): Array<{ short: string; long: string }> {
  return Array.from({ length: 7 }, (_, weekday) => ({
    short: t(locale, `dates.weekdaysShort.${weekday}` as MessageKey),
    long: t(locale, `dates.weekdays.${weekday}` as MessageKey),
  }));
}

/** What a day's cell says: its number in the month shown, the other calendar's day, its full date. */
export interface DayText {
  /** The day's number in the locale's digits: `१५`. */
  number: string;
  /**
   * The AD day beside a BS day (`30`, or `1 Aug` on the first of an AD month and on the
   * month's first day); the BS day beside an AD day where the locale writes BS; else none.
   */
  beside?: string;
  /** The whole date, for screen readers: `Tuesday, 15 Shrawan 2081 BS (30 July 2024)`. */
  label: string;
}

/** The texts of one day's cell in a month of the given calendar. */
export function dayText(day: MonthDay<DayEvent>, month: CalendarMonth, locale: Locale): DayText {
  const number = localeDigits(String(day.number), locale);
  const weekday = t(locale, `dates.weekdays.${day.weekday}` as MessageKey);
  const adLong = adFormat(locale, { dateStyle: 'long' }).format(toDate(day.ad));
  if (month.calendar === 'ad') return { number, label: `${weekday}, ${adLong}` };
  const bs = day.bs!;
  const bsLong = t(locale, 'dates.bikramSambat', {
    year: localeDigits(String(bs.year), locale),
    month: bsMonthName(bs.month, locale),
    day: number,
  });
  const withMonth = day.number === 1 || day.ad.day === 1;
  const beside = withMonth
    ? adFormat(locale, { day: 'numeric', month: 'short' }).format(toDate(day.ad))
    : localeDigits(String(day.ad.day), locale);
  return { number, beside, label: `${weekday}, ${bsLong} (${adLong})` };
}
