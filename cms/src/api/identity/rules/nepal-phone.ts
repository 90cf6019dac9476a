const DEVANAGARI_DIGITS = '०१२३४५६७८९';

/** Latin digits for any Devanagari digits in `value`. */
export function toLatinDigits(value: string): string {
  return value.replace(/[०-९]/g, (digit) => String(DEVANAGARI_DIGITS.indexOf(digit)));
}

/**
 * A Nepal mobile number in the stored form `+9779XXXXXXXXX`, or null when `input` is not
 * one. Accepts local (`98XXXXXXXX`), national (`977…`, `+977…`, `00977…`) forms with
 * spaces, dashes, dots or brackets, and Devanagari digits.
 */
export function normalizeNepalMobile(input: string): string | null {
  const digits = toLatinDigits(input).replace(/[\s\-().]/g, '');
  const match = /^(?:(?:\+|00)?977)?(9[678]\d{8})$/.exec(digits);
  return match ? `+977${match[1]}` : null;
}
