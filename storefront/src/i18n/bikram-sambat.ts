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
