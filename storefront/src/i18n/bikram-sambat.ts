import NepaliDate from 'nepali-date-converter';

/** A calendar day; `month` counts from 1. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * The Bikram Sambat day of a Gregorian (AD) day, or undefined outside the years the
 * conversion table covers (BS 2000–2099, about AD 1943–2043).
 */
export function toBikramSambat({ year, month, day }: CalendarDay): CalendarDay | undefined {
  try {
    // The library reads the local calendar fields of the Date it is given: build it from
    // them so the server's time zone cannot shift the day.
    const bs = new NepaliDate(new Date(year, month - 1, day)).getBS();
    return { year: bs.year, month: bs.month + 1, day: bs.date };
  } catch {
    return undefined;
  }
}

/** The first and last Bikram Sambat years the conversion table covers. */
export const BIKRAM_SAMBAT_YEARS = { first: 2000, last: 2090 } as const;

/**
 * The Gregorian (AD) day of a Bikram Sambat day, or undefined when it is not a real BS day
 * (month 13, Shrawan 33) or lies outside the conversion table.
 */
export function fromBikramSambat({ year, month, day }: CalendarDay): CalendarDay | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 32) return undefined;
  try {
    const date = new NepaliDate(year, month - 1, day);
    // The library rolls an overflowing day into the next month: such a day does not exist.
    const bs = date.getBS();
    if (bs.year !== year || bs.month !== month - 1 || bs.date !== day) return undefined;
    const ad = date.getAD();
    return { year: ad.year, month: ad.month + 1, day: ad.date };
  } catch {
    return undefined;
  }
}

/** How many days a Bikram Sambat month has (29 to 32), or undefined outside the table. */
export function bikramSambatMonthLength(year: number, month: number): number | undefined {
  if (!fromBikramSambat({ year, month, day: 1 })) return undefined;
  for (let day = 32; day >= 29; day -= 1) {
    if (fromBikramSambat({ year, month, day })) return day;
  }
  return undefined;
}
