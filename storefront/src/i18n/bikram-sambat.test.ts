import { describe, expect, it } from 'vitest';
import { toBikramSambat } from './bikram-sambat';

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
