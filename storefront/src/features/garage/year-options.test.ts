import { describe, expect, it } from 'vitest';
import { yearOptions } from './year-options';

const now = new Date('2026-06-15T12:00:00Z');

describe('yearOptions', () => {
  it('offers a model still on sale from its first year to this year, newest first', () => {
    expect(yearOptions({ yearFrom: 2022, yearTo: null }, now)).toEqual([
      2026, 2025, 2024, 2023, 2022,
    ]);
  });

  it('stops at the last year of a model no longer sold', () => {
    expect(yearOptions({ yearFrom: 2015, yearTo: 2017 }, now)).toEqual([2017, 2016, 2015]);
  });

  it('never offers a year in the future, even when the catalog announces one', () => {
    expect(yearOptions({ yearFrom: 2025, yearTo: 2028 }, now)).toEqual([2026, 2025]);
  });

  it('offers nothing for a model announced for next year', () => {
    expect(yearOptions({ yearFrom: 2027 }, now)).toEqual([]);
  });
});
