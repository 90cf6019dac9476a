import { localeDigits } from './digits';
import { t, type Locale } from './index';

/**
 * Groups the digits of a whole number the way Nepal (and India) writes amounts: the last
 * three together, then pairs: 1,23,45,678 (one crore twenty-three lakh …).
 */
export function groupLakhCrore(whole: string): string {
  if (whole.length <= 3) return whole;
  const lastThree = whole.slice(-3);
  const rest = whole.slice(0, -3);
  const pairs = rest.length % 2 === 0 ? [] : [rest.slice(0, 1)];
  for (let index = rest.length % 2; index < rest.length; index += 2) {
    pairs.push(rest.slice(index, index + 2));
  }
  return `${pairs.join(',')},${lastThree}`;
}

/**
 * An amount in Nepalese rupees with lakh and crore grouping, in the locale's words and
 * digits: `Rs 1,23,456` in English, `रु. १,२३,४५६` in Nepali. Whole rupees are shown without
 * paisa; an amount with paisa shows two decimals (`Rs 1,250.50`).
 */
export function formatNpr(rupees: number, locale: Locale): string {
  if (!Number.isFinite(rupees)) return '';
  const paisa = Math.round(Math.abs(rupees) * 100);
  const whole = String(Math.floor(paisa / 100));
  const fraction = paisa % 100;
  const digits = groupLakhCrore(whole) + (fraction ? `.${String(fraction).padStart(2, '0')}` : '');
  const amount = t(locale, 'money.npr', { amount: localeDigits(digits, locale) });
  return rupees < 0 && paisa > 0 ? `-${amount}` : amount;
}
