const DEVANAGARI_DIGITS = '०१२३४५६७८९';

/** The same text with Devanagari digits (०-९) written as Latin ones (0-9). */
export function toLatinDigits(value: string): string {
  return value.replace(/[०-९]/g, (digit) => String(DEVANAGARI_DIGITS.indexOf(digit)));
}

/**
 * A whole number typed by a person, or undefined when the text is not one. Devanagari
 * digits, spaces and the grouping commas of either language (12,500 or १२,५००) are accepted.
 */
export function parseWholeNumber(text: string): number | undefined {
  const digits = toLatinDigits(text).replace(/[\s,]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return Number(digits);
}

/** Whether a text is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
