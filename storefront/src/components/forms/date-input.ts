import { fromBikramSambat, toBikramSambat, type CalendarDay } from '~/i18n/bikram-sambat';
import { localeDigits } from '~/i18n/digits';
import { isCalendarDate, toLatinDigits } from '~/features/forms/numbers';

/** The calendar a date was typed in: Gregorian (AD) or Bikram Sambat (BS). */
export type DateCalendar = 'ad' | 'bs';

/** What a date field's text says. */
export type DateReading =
  | { kind: 'empty' }
  | {
      kind: 'date';
      calendar: DateCalendar;
      /** The day on the AD calendar, `YYYY-MM-DD`: what the CMS stores. */
      iso: string;
      ad: CalendarDay;
      /** The same day in BS; missing for an AD day outside the conversion table. */
      bs?: CalendarDay;
    }
  | { kind: 'invalid'; reason: 'format' | 'not-a-day' | 'outside-table' };

/** How a locale reads a date typed without a calendar mark. */
export interface DateReadingRules {
  /**
   * Whether the locale's owners write Bikram Sambat dates (Nepali): there a date in
   * Devanagari digits, or with a year of {@link UNMARKED_BS_FROM_YEAR} or later, is BS.
   */
  bikramSambat: boolean;
}

/**
 * An unmarked year from which a date is read as BS where owners write BS. AD dates the
 * portal can show beside BS end in 2034 (the conversion table stops at BS 2090), and BS 2044
 * was AD 1987: no vehicle's dates are ambiguous either side of it.
 */
export const UNMARKED_BS_FROM_YEAR = 2044;

const BS_MARK = /(?:\bB\.?\s?S\.?(?=$|[\s)])|[वब]ि\.?\s?सं\.?|विक्रम\s*संवत्?)/giu;
const AD_MARK = /(?:\bA\.?\s?D\.?(?=$|[\s)])|[ईइ]\.?\s?सं\.?|ईस्वी(?:\s*संवत्?)?)/giu;
const SEPARATED = /^(\d{4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of a calendar day. */
export function isoDay({ year, month, day }: CalendarDay): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function calendarOf(text: string, rules: DateReadingRules, year: number) {
  const bsMarked = text.match(BS_MARK) !== null;
  const adMarked = text.match(AD_MARK) !== null;
  if (bsMarked && adMarked) return undefined;
  if (bsMarked) return 'bs';
  if (adMarked || !rules.bikramSambat) return 'ad';
  const devanagari = /[०-९]/.test(text);
  return devanagari || year >= UNMARKED_BS_FROM_YEAR ? 'bs' : 'ad';
}

/**
 * Reads a date as an owner types it: `2024-07-30`, `2024/7/30`, `20240730`, an AD or BS
 * mark (`2081-04-15 BS`, `वि.सं. २०८१-०४-१५`, `2024-07-30 AD`, `ई.सं. …`) in Latin or
 * Devanagari digits. Where owners write BS (`rules.bikramSambat`), an unmarked date in
 * Devanagari digits or with a late year is BS (see {@link UNMARKED_BS_FROM_YEAR}).
 */
export function readDateInput(text: string, rules: DateReadingRules): DateReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const bare = toLatinDigits(trimmed.replace(BS_MARK, ' ').replace(AD_MARK, ' '))
    .replace(/[()]/g, ' ')
    .trim();
  const match = SEPARATED.exec(bare) ?? COMPACT.exec(bare);
  if (!match) return { kind: 'invalid', reason: 'format' };
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const calendar = calendarOf(trimmed, rules, year);
  if (!calendar) return { kind: 'invalid', reason: 'format' };
  const typed = { year, month, day };
  if (calendar === 'bs') {
    const ad = fromBikramSambat(typed);
    if (ad) return { kind: 'date', calendar, iso: isoDay(ad), ad, bs: typed };
    const inTable = year >= 2000 && year <= 2090;
    return { kind: 'invalid', reason: inTable ? 'not-a-day' : 'outside-table' };
  }
  if (!isCalendarDate(isoDay(typed))) return { kind: 'invalid', reason: 'not-a-day' };
  return { kind: 'date', calendar, iso: isoDay(typed), ad: typed, bs: toBikramSambat(typed) };
}

/**
 * The text a date field shows for a stored AD day: in the calendar and digits its owners
 * write (`२०८१-०४-१५` in Nepali), so that saving the form again reads the same day.
 */
export function dateInputText(iso: string, locale: string, rules: DateReadingRules): string {
  if (!isCalendarDate(iso) || !rules.bikramSambat) return iso;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const bs = toBikramSambat({ year, month, day });
  return bs ? localeDigits(isoDay(bs), locale) : iso;
}
