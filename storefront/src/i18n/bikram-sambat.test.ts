import { describe, expect, it } from 'vitest';
import { bikramSambatMonthLength, fromBikramSambat, toBikramSambat } from './bikram-sambat';

describe('toBikramSambat', () => {
  it.each([
    [
      { year: 2024, month: 4, day: 13 },
      { year: 2081, month: 1, day: 1 },
    ],
    [
      { year: 2023, month: 4, day: 14 },
      { year: 2080, month: 1, day: 1 },
    ],
    [
      { year: 2025, month: 4, day: 14 },
      { year: 2082, month: 1, day: 1 },
    ],
  ])('converts the Nepali new year %o to %o', (ad, bs) => {
    expect(toBikramSambat(ad)).toEqual(bs);
  });

  it('gives the last day of the previous year the day before', () => {
    expect(toBikramSambat({ year: 2024, month: 4, day: 12 })).toEqual({
      year: 2080,
      month: 12,
      day: 30,
    });
  });

  it('gives undefined outside the conversion table', () => {
    expect(toBikramSambat({ year: 1800, month: 1, day: 1 })).toBeUndefined();
  });
});

describe('fromBikramSambat', () => {
  it('converts a BS day back to its AD day', () => {
    expect(fromBikramSambat({ year: 2081, month: 1, day: 1 })).toEqual({
      year: 2024,
      month: 4,
      day: 13,
    });
    expect(fromBikramSambat({ year: 2081, month: 4, day: 32 })).toEqual({
      year: 2024,
      month: 8,
      day: 16,
    });
  });

  it('refuses a day the month does not have instead of rolling it over', () => {
    expect(fromBikramSambat({ year: 2081, month: 4, day: 33 })).toBeUndefined();
    expect(fromBikramSambat({ year: 2081, month: 1, day: 32 })).toBeUndefined();
    expect(fromBikramSambat({ year: 2081, month: 13, day: 1 })).toBeUndefined();
    expect(fromBikramSambat({ year: 2081, month: 0, day: 1 })).toBeUndefined();
  });

  it('gives undefined outside the conversion table', () => {
    expect(fromBikramSambat({ year: 1999, month: 12, day: 30 })).toBeUndefined();
    expect(fromBikramSambat({ year: 2091, month: 1, day: 1 })).toBeUndefined();
  });

  it('round-trips every day of a year', () => {
    let ad = new Date(Date.UTC(2024, 3, 13));
    for (let index = 0; index < 366; index += 1) {
      const day = { year: ad.getUTCFullYear(), month: ad.getUTCMonth() + 1, day: ad.getUTCDate() };
      expect(fromBikramSambat(toBikramSambat(day)!)).toEqual(day);
      ad = new Date(ad.getTime() + 86_400_000);
    }
  });
});

describe('bikramSambatMonthLength', () => {
  // Each year's months as the published calendars (and the conversion table) have them; a
  // year's months add up to the days between its new year and the next, which are known dates.
  it.each([
    [2079, [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], '2022-04-14', '2023-04-14'],
    [2080, [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30], '2023-04-14', '2024-04-13'],
    [2081, [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], '2024-04-13', '2025-04-14'],
    [2082, [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], '2025-04-14', '2026-04-14'],
  ])('knows the lengths of the months of %i', (year, lengths, newYear, nextNewYear) => {
    const months = lengths.map((_, index) => bikramSambatMonthLength(year, index + 1));
    expect(months).toEqual(lengths);
    const days = (Date.parse(nextNewYear) - Date.parse(newYear)) / 86_400_000;
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(days);
  });

  it('gives undefined outside the table', () => {
    expect(bikramSambatMonthLength(2095, 1)).toBeUndefined();
  });
});
