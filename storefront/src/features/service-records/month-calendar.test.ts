import { describe, expect, it } from 'vitest';
import {
  monthGrid,
  monthOf,
  monthParam,
  readMonthParam,
  type CalendarMonth,
} from './month-calendar';

const bs = (year: number, month: number): CalendarMonth => ({ calendar: 'bs', year, month });
const ad = (year: number, month: number): CalendarMonth => ({ calendar: 'ad', year, month });

describe('monthGrid in Bikram Sambat', () => {
  it('lays out Shrawan 2081: 32 days from 16 July to 16 August 2024, starting on a Tuesday', () => {
    const grid = monthGrid(bs(2081, 4), [], '2024-07-30');

    expect(grid.days).toHaveLength(32);
    expect(grid.days[0]).toMatchObject({ iso: '2024-07-16', number: 1, weekday: 2 });
    expect(grid.days[0]!.bs).toEqual({ year: 2081, month: 4, day: 1 });
    expect(grid.days[31]).toMatchObject({ iso: '2024-08-16', number: 32 });
    expect(grid.weeks[0]!.slice(0, 2)).toEqual([null, null]);
    expect(grid.weeks[0]![2]!.number).toBe(1);
    expect(grid.weeks.every((week) => week.length === 7)).toBe(true);
    expect(grid.weeks).toHaveLength(5);
  });

  it.each([
    [bs(2080, 1), 31, '2023-04-14', 5],
    [bs(2080, 9), 29, '2023-12-17', 0],
    [bs(2081, 1), 31, '2024-04-13', 6],
    [bs(2081, 12), 31, '2025-03-14', 5],
    [bs(2082, 1), 31, '2025-04-14', 1],
    [bs(2082, 8), 29, '2025-11-17', 1],
  ])('gives %o %i days from %s, first on weekday %i', (month, length, first, weekday) => {
    const grid = monthGrid(month, [], '2024-01-01');
    expect(grid.days).toHaveLength(length);
    expect(grid.days[0]).toMatchObject({ iso: first, weekday });
    expect(grid.days.map((day) => day.number)).toEqual(Array.from({ length }, (_, i) => i + 1));
  });

  it('puts each event on its day and leaves out events of other months', () => {
    const events = [
      { day: '2024-07-16', title: 'Oil change' },
      { day: '2024-07-30', title: 'Brakes' },
      { day: '2024-07-30', title: 'Wash' },
      { day: '2024-08-17', title: 'Next month' },
    ];
    const grid = monthGrid(bs(2081, 4), events, '2024-07-30');

    expect(grid.days[0]!.events.map((event) => event.title)).toEqual(['Oil change']);
    expect(grid.days[14]!.events.map((event) => event.title)).toEqual(['Brakes', 'Wash']);
    expect(grid.days.flatMap((day) => day.events)).toHaveLength(3);
  });

  it('marks today, and only today', () => {
    const grid = monthGrid(bs(2081, 4), [], '2024-07-30');
    expect(grid.days.filter((day) => day.today).map((day) => day.number)).toEqual([15]);
  });

  it('links the neighbouring months across the new year', () => {
    expect(monthGrid(bs(2081, 12), [], '2025-01-01')).toMatchObject({
      previous: bs(2081, 11),
      next: bs(2082, 1),
    });
    expect(monthGrid(bs(2090, 12), [], '2025-01-01').next).toBeUndefined();
  });
});

describe('monthGrid in AD', () => {
  it('lays out February 2024 (a leap year), starting on a Thursday', () => {
    const grid = monthGrid(ad(2024, 2), [{ day: '2024-02-29' }], '2024-02-10');
    expect(grid.days).toHaveLength(29);
    expect(grid.days[0]!.weekday).toBe(4);
    expect(grid.days[28]!.events).toHaveLength(1);
    expect(grid.days[9]!.today).toBe(true);
    expect(grid).toMatchObject({ previous: ad(2024, 1), next: ad(2024, 3) });
  });

  it('gives each AD day its BS date beside it', () => {
    const grid = monthGrid(ad(2024, 4), [], '2024-04-13');
    expect(grid.days[12]!.bs).toEqual({ year: 2081, month: 1, day: 1 });
  });
});

describe('readMonthParam', () => {
  it('reads a month of the page’s calendar', () => {
    expect(readMonthParam('2081-04', 'bs', '2025-01-01')).toEqual(bs(2081, 4));
    expect(readMonthParam('२०८१-०४', 'bs', '2025-01-01')).toEqual(bs(2081, 4));
    expect(readMonthParam('2024-07', 'ad', '2025-01-01')).toEqual(ad(2024, 7));
  });

  it('turns a month of the other calendar into the month its first day falls in', () => {
    expect(readMonthParam('2081-04', 'ad', '2025-01-01')).toEqual(ad(2024, 7));
    expect(readMonthParam('2024-07', 'bs', '2025-01-01')).toEqual(bs(2081, 3));
  });

  it('falls back to the month of today for a missing or wrong value', () => {
    for (const value of [null, '', 'july', '2081-13', '2095-01', '1900-01']) {
      expect(readMonthParam(value, 'bs', '2024-07-30')).toEqual(bs(2081, 4));
    }
    expect(readMonthParam(null, 'ad', '2024-07-30')).toEqual(ad(2024, 7));
  });

  it('shows the last BS month there is once today is past the conversion table', () => {
    expect(readMonthParam(null, 'bs', '2040-01-01')).toEqual(bs(2090, 12));
  });

  it('writes the value back as it reads it', () => {
    expect(monthParam(bs(2081, 4))).toBe('2081-04');
    expect(readMonthParam(monthParam(bs(2082, 12)), 'bs', '2024-07-30')).toEqual(bs(2082, 12));
  });
});

describe('monthOf', () => {
  it('finds the month an AD day falls in', () => {
    expect(monthOf('2024-07-15', 'bs')).toEqual(bs(2081, 3));
    expect(monthOf('2024-07-15', 'ad')).toEqual(ad(2024, 7));
  });
});
