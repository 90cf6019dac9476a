import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseWholeNumber, toLatinDigits } from './numbers';

describe('toLatinDigits', () => {
  it('writes Devanagari digits as Latin ones and leaves the rest', () => {
    expect(toLatinDigits('बा २ प १२३४')).toBe('बा 2 प 1234');
  });
});

describe('parseWholeNumber', () => {
  it('reads digits of either script, with spaces and grouping commas', () => {
    expect(parseWholeNumber('12500')).toBe(12500);
    expect(parseWholeNumber('१२,५००')).toBe(12500);
    expect(parseWholeNumber('1,23,456')).toBe(123456);
    expect(parseWholeNumber('12 500')).toBe(12500);
  });

  it('refuses what is not a whole number', () => {
    for (const text of ['', '-1', '12.5', '12km', 'twelve']) {
      expect(parseWholeNumber(text)).toBeUndefined();
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real days written YYYY-MM-DD only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-9')).toBe(false);
  });
});
