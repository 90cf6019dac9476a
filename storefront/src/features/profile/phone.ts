import { toLatinDigits } from '~/features/forms/numbers';

const NEPAL_MOBILE = /^(?:(?:\+|00)?977)?(9[678]\d{8})$/;

/**
 * A Nepal mobile number in the form the CMS stores (`+9779XXXXXXXXX`), or null when the
 * input is not one. Accepts `98XXXXXXXX`, `+977 98…`, `00977…`, spaces, dashes, dots,
 * brackets and Devanagari digits, as the CMS does.
 */
export function normalizeNepalMobile(input: string): string | null {
  const digits = toLatinDigits(input).replace(/[\s\-().]/g, '');
  const match = NEPAL_MOBILE.exec(digits);
  return match ? `+977${match[1]}` : null;
}

/**
 * How a stored number is shown to its owner and put back in the form: the 10-digit local
 * number (`+9779812345678` → `9812345678`). Anything else is shown as stored.
 */
export function phoneForDisplay(stored: string | null | undefined): string {
  if (!stored) return '';
  const match = /^\+977(9\d{9})$/.exec(stored);
  return match ? match[1]! : stored;
}
