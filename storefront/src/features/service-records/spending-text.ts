import { dateTimeFormat } from '~/i18n/formats';
import { t, type Locale, type MessageKey } from '~/i18n';
import { toBikramSambat } from '~/i18n/bikram-sambat';
import { localeDigits } from '~/i18n/digits';
import { calendarFor } from './month-calendar-text';

/** A kind of service by its catalogue code; a code the portal does not know is shown as sent. */
export function serviceKindName(kind: string, locale: Locale): string {
  const key = `serviceRecords.kinds.${kind}` as MessageKey;
  const name = t(locale, key);
  return name === key ? kind : name;
}

/**
 * An AD month (`YYYY-MM`) for a chart's row: `Jul 2024`, and where owners write BS the BS
 * months it spans beside it: `जुलाई २०२४` with `असार–साउन २०८१`.
 */
export function spendingMonthLabel(month: string, locale: Locale): { ad: string; bs?: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const ad = dateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
  if (calendarFor(locale) !== 'bs') return { ad };
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const first = toBikramSambat({ year, month: monthNumber, day: 1 });
  const last = toBikramSambat({ year, month: monthNumber, day: lastDay });
  if (!first || !last) return { ad };
  const name = (bsMonth: number) => t(locale, `dates.bikramSambatMonths.${bsMonth}` as MessageKey);
  const yearText = (bsYear: number) => localeDigits(String(bsYear), locale);
  const bs =
    first.year === last.year
      ? `${name(first.month)}–${name(last.month)} ${yearText(first.year)}`
      : `${name(first.month)} ${yearText(first.year)}–${name(last.month)} ${yearText(last.year)}`;
  return { ad, bs };
}
