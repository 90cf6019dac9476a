import { dateTimeFormat } from '~/i18n/formats';
import { localeDigits } from '~/i18n/digits';
import { interpolate } from '~/i18n/translate';
import type { CalendarDay } from '~/i18n/bikram-sambat';
import { readDateInput, type DateReadingRules } from './date-input';

/**
 * What a date field needs to read dates and name the other calendar, in the page's
 * language; plain data, so the island gets it as props without the message catalogs.
 */
export interface DatePreviewSettings extends DateReadingRules {
  locale: string;
  /** `That is {date} (AD).`: said of a date typed in BS. */
  isAd: string;
  /** `That is {date}.`: said of a date typed in AD, with `{date}` a BS date. */
  isBs: string;
  /** A BS day, with `{day}`, `{month}` and `{year}`: `15 Shrawan 2081 BS`. */
  bsDay: string;
  /** The twelve BS month names, Baisakh first. */
  bsMonths: string[];
}

/** A BS day in the page's words and digits: `15 Shrawan 2081 BS`, `२०८१ साउन १५`. */
export function bikramSambatText(bs: CalendarDay, settings: DatePreviewSettings): string {
  return interpolate(settings.bsDay, {
    year: localeDigits(String(bs.year), settings.locale),
    month: settings.bsMonths[bs.month - 1] ?? String(bs.month),
    day: localeDigits(String(bs.day), settings.locale),
  });
}

function adText(ad: CalendarDay, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(ad.year, ad.month - 1, ad.day)),
  );
}

/**
 * The typed date on the other calendar, shown beside the field as the owner types: a BS
 * date as AD, an AD date as BS. Empty while the text is not (yet) a date, or when the day
 * has no BS date in the table.
 */
export function otherCalendarText(text: string, settings: DatePreviewSettings): string {
  const reading = readDateInput(text, settings);
  if (reading.kind !== 'date') return '';
  if (reading.calendar === 'bs') {
    return interpolate(settings.isAd, { date: adText(reading.ad, settings.locale) });
  }
  return reading.bs
    ? interpolate(settings.isBs, { date: bikramSambatText(reading.bs, settings) })
    : '';
}
