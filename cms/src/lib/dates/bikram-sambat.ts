import NepaliDate from 'nepali-date-converter';

/** A Bikram Sambat day; `month` counts from 1 (1 = Baisakh). */
export interface BsDay {
  year: number;
  month: number;
  day: number;
}

const NEPALI_DIGITS = '०१२३४५६७८९';

/** Western digits in `text` as Devanagari digits (2083 → २०८३). */
export const toNepaliDigits = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => NEPALI_DIGITS[Number(digit)]);

/** The BS months in Nepali, Baisakh first. */
export const BS_MONTHS_NE = [
  'बैशाख',
  'जेठ',
  'असार',
  'साउन',
  'भदौ',
  'असोज',
  'कात्तिक',
  'मंसिर',
  'पुस',
  'माघ',
  'फागुन',
  'चैत',
] as const;

const converted = new Map<string, BsDay | undefined>();

/**
 * The Bikram Sambat day of an AD day given as `YYYY-MM-DD`, or undefined outside the years
 * the conversion table covers (BS 2000–2099, about AD 1943–2043).
 */
export function toBikramSambat(isoDay: string): BsDay | undefined {
  if (converted.has(isoDay)) return converted.get(isoDay);
  const bs = convert(isoDay);
  // Messages of one batch share few days; the table is bounded by the days there are.
  if (converted.size > 50_000) converted.clear();
  converted.set(isoDay, bs);
  return bs;
}

function convert(isoDay: string): BsDay | undefined {
  const [year, month, day] = isoDay.split('-').map(Number);
  try {
    // The library reads the local calendar fields of the Date: build it from them so the
    // server's time zone cannot shift the day.
    const bs = new NepaliDate(new Date(year, month - 1, day)).getBS();
    // Out of its table the library answers a wrong day rather than failing: check the way back.
    const ad = new NepaliDate(bs.year, bs.month, bs.date).getAD();
    if (ad.year !== year || ad.month !== month - 1 || ad.date !== day) return undefined;
    return { year: bs.year, month: bs.month + 1, day: bs.date };
  } catch {
    return undefined;
  }
}

/** `YYYY-MM-DD` as a Nepali reader writes the BS date: `२०८३ माघ १`; undefined out of range. */
export function formatBikramSambatNe(isoDay: string): string | undefined {
  const bs = toBikramSambat(isoDay);
  if (!bs) return undefined;
  return toNepaliDigits(`${bs.year} ${BS_MONTHS_NE[bs.month - 1]} ${bs.day}`);
}

/** `YYYY-MM-DD` as a compact BS date for an SMS: `२०८३/१०/०१`; undefined out of range. */
export function formatBikramSambatShortNe(isoDay: string): string | undefined {
  const bs = toBikramSambat(isoDay);
  if (!bs) return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  return toNepaliDigits(`${bs.year}/${pad(bs.month)}/${pad(bs.day)}`);
}
