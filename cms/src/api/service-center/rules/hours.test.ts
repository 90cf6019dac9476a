import { isOpenAt, nepalWeekMinute, weekIntervals, type DayHours } from './hours';

// 2026-12-05 is a Saturday; Nepal is UTC+5:45.
const nepal = (local: string) => new Date(`${local}+05:45`);

describe('opening hours in Nepal time', () => {
  it('counts minutes of the week from Sunday 00:00 Nepal time', () => {
    expect(nepalWeekMinute(nepal('2026-12-06T00:00:00'))).toBe(0);
    expect(nepalWeekMinute(nepal('2026-12-05T23:59:00'))).toBe(7 * 1440 - 1);
    expect(nepalWeekMinute(new Date('2026-12-06T18:15:00Z'))).toBe(1440);
  });

  it('is open within a day and closed outside it', () => {
    const hours: DayHours[] = [{ day: 'friday', opens: '09:00', closes: '18:00:00.000' }];
    expect(isOpenAt(hours, nepal('2026-12-04T09:00:00'))).toBe(true);
    expect(isOpenAt(hours, nepal('2026-12-04T17:59:00'))).toBe(true);
    expect(isOpenAt(hours, nepal('2026-12-04T18:00:00'))).toBe(false);
    expect(isOpenAt(hours, nepal('2026-12-03T12:00:00'))).toBe(false);
  });

  it('runs hours whose close is before their opening past midnight, Saturday into Sunday', () => {
    const hours: DayHours[] = [{ day: 'saturday', opens: '20:00', closes: '02:00' }];
    expect(isOpenAt(hours, nepal('2026-12-05T19:59:00'))).toBe(false);
    expect(isOpenAt(hours, nepal('2026-12-05T23:30:00'))).toBe(true);
    expect(isOpenAt(hours, nepal('2026-12-06T01:59:00'))).toBe(true);
    expect(isOpenAt(hours, nepal('2026-12-06T02:00:00'))).toBe(false);
    expect(weekIntervals(hours)).toEqual([
      [6 * 1440 + 1200, 7 * 1440],
      [0, 120],
    ]);
  });

  it('is unknown without hours', () => {
    expect(isOpenAt([], new Date())).toBeNull();
  });
});
