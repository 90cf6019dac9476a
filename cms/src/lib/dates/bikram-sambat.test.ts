import {
  formatBikramSambatNe,
  formatBikramSambatShortNe,
  toBikramSambat,
  toNepaliDigits,
} from './bikram-sambat';

describe('Bikram Sambat dates', () => {
  it('converts an AD day to its BS day (15 Jan 2027 is 1 Magh 2083)', () => {
    expect(toBikramSambat('2027-01-15')).toEqual({ year: 2083, month: 10, day: 1 });
  });

  it('converts New Year: 14 April 2026 is 1 Baisakh 2083', () => {
    expect(toBikramSambat('2026-04-14')).toEqual({ year: 2083, month: 1, day: 1 });
  });

  it('writes the BS date in Nepali words and digits', () => {
    expect(formatBikramSambatNe('2027-01-15')).toBe('२०८३ माघ १');
    expect(formatBikramSambatShortNe('2027-01-15')).toBe('२०८३/१०/०१');
  });

  it('answers undefined outside the conversion table', () => {
    expect(toBikramSambat('1900-01-01')).toBeUndefined();
    expect(formatBikramSambatNe('2200-01-01')).toBeUndefined();
  });

  it('writes digits in Devanagari', () => {
    expect(toNepaliDigits('12,000 km')).toBe('१२,००० km');
  });
});
