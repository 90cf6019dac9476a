import { numberFormat } from './formats';
import type { Locale } from './index';

const digitTables = new Map<string, string[]>();

/** The ten digits of a locale's numbering system, 0 to 9 (`०`…`९` in Nepali). */
function digitsOf(locale: string): string[] {
  let digits = digitTables.get(locale);
  if (!digits) {
    const format = numberFormat(locale, { useGrouping: false });
    digits = Array.from({ length: 10 }, (_, digit) => format.format(digit));
    digitTables.set(locale, digits);
  }
  return digits;
}

/**
 * The same text with its Latin digits written in the locale's own digits, so a figure built
 * by hand (a date `2081-04-15`, a grouped amount) reads like the locale's other numbers.
 */
export function localeDigits(text: string, locale: Locale | string): string {
  const digits = digitsOf(locale);
  return text.replace(/[0-9]/g, (digit) => digits[Number(digit)]!);
}
