import {
  BIKRAM_SAMBAT_YEARS,
  bikramSambatMonthLength,
  fromBikramSambat,
  toBikramSambat,
  type CalendarDay,
} from '~/i18n/bikram-sambat';
import { toLatinDigits } from '~/features/forms/numbers';
import { isoDay } from '~/components/forms/date-input';

/** The calendar a month is shown in: Gregorian (AD) or Bikram Sambat (BS). */
export type CalendarSystem = 'ad' | 'bs';

/** One month of one calendar; `month` counts from 1 (Baisakh is 1 in BS). */
export interface CalendarMonth {
  calendar: CalendarSystem;
  year: number;
  month: number;
}

/** Anything placed on a day: `day` is the AD calendar day in Nepal, `YYYY-MM-DD`. */
export interface DayEvent {
  day: string;
}

/** One day of the month as the calendar shows it. */
export interface MonthDay<Event extends DayEvent> {
  /** The AD day, `YYYY-MM-DD`. */
  iso: string;
  ad: CalendarDay;
  /** The BS day; missing for an AD day outside the conversion table. */
  bs?: CalendarDay;
  /** The day's number in the month shown (the BS day in a BS month). */
  number: number;
  /** 0 for Sunday, the first day of the week in Nepal. */
  weekday: number;
  today: boolean;
  events: Event[];
}

/** A month laid out in weeks, Sunday first, for a table. */
export interface MonthGrid<Event extends DayEvent> {
  month: CalendarMonth;
  /** Every day of the month, first to last. */
  days: MonthDay<Event>[];
  /** Weeks of seven cells; `null` pads before the first and after the last day. */
  weeks: Array<Array<MonthDay<Event> | null>>;
  /** The neighbouring months, unless the calendar's table ends there. */
  previous?: CalendarMonth;
  next?: CalendarMonth;
}

/**
 * The AD years a month parameter can name. They end before the first BS year still in use
 * (2057 BS was 2000 AD), so `?month=2081-04` can only mean a BS month and `?month=2024-07`
 * only an AD one, whichever language the page is in.
 */
const AD_YEARS = { first: 1944, last: 2056 } as const;
const BS_YEARS = { first: 2057, last: BIKRAM_SAMBAT_YEARS.last } as const;

const DAY_MS = 86_400_000;

function utc({ year, month, day }: CalendarDay): number {
  return Date.UTC(year, month - 1, day);
}

function dayAt(time: number): CalendarDay {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function adMonthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function inRange({ calendar, year, month }: CalendarMonth): boolean {
  if (month < 1 || month > 12) return false;
  const years = calendar === 'bs' ? BS_YEARS : AD_YEARS;
  return year >= years.first && year <= years.last;
}

function shifted(month: CalendarMonth, by: -1 | 1): CalendarMonth | undefined {
  const index = month.year * 12 + (month.month - 1) + by;
  const next = { calendar: month.calendar, year: Math.floor(index / 12), month: (index % 12) + 1 };
  return inRange(next) ? next : undefined;
}

/** The AD days of a month, first and last. */
export function monthBounds(month: CalendarMonth): { first: CalendarDay; last: CalendarDay } {
  if (month.calendar === 'ad') {
    const last = adMonthLength(month.year, month.month);
    return {
      first: { year: month.year, month: month.month, day: 1 },
      last: { year: month.year, month: month.month, day: last },
    };
  }
  const first = fromBikramSambat({ year: month.year, month: month.month, day: 1 });
  const length = bikramSambatMonthLength(month.year, month.month);
  if (!first || !length) throw new RangeError(`No BS month ${month.year}-${month.month}`);
  return { first, last: dayAt(utc(first) + (length - 1) * DAY_MS) };
}

/** The month of a calendar that an AD day (`YYYY-MM-DD`) falls in. */
export function monthOf(iso: string, calendar: CalendarSystem): CalendarMonth | undefined {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (calendar === 'ad') return { calendar, year, month };
  const bs = toBikramSambat({ year, month, day });
  return bs && { calendar, year: bs.year, month: bs.month };
}

/**
 * Lays out a month in weeks (Sunday first) and puts each event on its day; events on other
 * days are left out. `today` is the AD day in Nepal, `YYYY-MM-DD`.
 */
export function monthGrid<Event extends DayEvent>(
  month: CalendarMonth,
  events: readonly Event[],
  today: string,
): MonthGrid<Event> {
  const { first, last } = monthBounds(month);
  const byDay = new Map<string, Event[]>();
  for (const event of events) byDay.set(event.day, [...(byDay.get(event.day) ?? []), event]);
  const days: MonthDay<Event>[] = [];
  for (let time = utc(first), number = 1; time <= utc(last); time += DAY_MS, number += 1) {
    const ad = dayAt(time);
    const iso = isoDay(ad);
    days.push({
      iso,
      ad,
      bs: toBikramSambat(ad),
      number,
      weekday: new Date(time).getUTCDay(),
      today: iso === today,
      events: byDay.get(iso) ?? [],
    });
  }
  const cells = [
    ...Array.from({ length: days[0]!.weekday }, () => null),
    ...days,
  ] as Array<MonthDay<Event> | null>;
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) =>
    cells.slice(week * 7, week * 7 + 7),
  );
  return { month, days, weeks, previous: shifted(month, -1), next: shifted(month, 1) };
}

/** The `?month=` value of a month: `2081-04`. */
export function monthParam({ year, month }: CalendarMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The month a page shows for its `?month=` value, in the page's calendar. A month of the
 * other calendar (after a language switch) becomes the month its first day falls in; a
 * missing, malformed or out-of-table value gives the month of `today`.
 */
export function readMonthParam(
  value: string | null,
  calendar: CalendarSystem,
  today: string,
): CalendarMonth {
  // Past the BS table's end (2034 AD) a BS page has no month of today: it shows the last one.
  const current = monthOf(today, calendar) ?? { calendar, year: BS_YEARS.last, month: 12 };
  const match = /^(\d{4})-(\d{1,2})$/.exec(toLatinDigits(value?.trim() ?? ''));
  if (!match) return current;
  const year = Number(match[1]);
  const named: CalendarMonth = {
    calendar: year >= BS_YEARS.first ? 'bs' : 'ad',
    year,
    month: Number(match[2]),
  };
  if (!inRange(named)) return current;
  if (named.calendar === calendar) return named;
  return monthOf(isoDay(monthBounds(named).first), calendar) ?? current;
}
