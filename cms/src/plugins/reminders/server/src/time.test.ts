import { backoffMs, quietHoursOf, smsSendableAt, storedQuietHours } from './time';

const QUIET = { start: '21:00', end: '07:00' };
// Nepal time is UTC+05:45: 21:00 NPT = 15:15 UTC, 07:00 NPT = 01:15 UTC.
const utc = (text: string) => new Date(`${text}Z`);

describe('smsSendableAt (quiet hours 21:00-07:00 Nepal time)', () => {
  it('sends at once outside the quiet hours', () => {
    const noon = utc('2026-12-01T06:15:00'); // 12:00 NPT
    expect(smsSendableAt(noon, QUIET)).toEqual(noon);
    const justBefore = utc('2026-12-01T15:14:00'); // 20:59 NPT
    expect(smsSendableAt(justBefore, QUIET)).toEqual(justBefore);
    const end = utc('2026-12-02T01:15:00'); // 07:00 NPT
    expect(smsSendableAt(end, QUIET)).toEqual(end);
  });

  it('holds an evening SMS until 07:00 Nepal time the next morning', () => {
    expect(smsSendableAt(utc('2026-12-01T15:15:00'), QUIET)).toEqual(utc('2026-12-02T01:15:00'));
    expect(smsSendableAt(utc('2026-12-01T17:30:00'), QUIET)).toEqual(utc('2026-12-02T01:15:00'));
  });

  it('holds an SMS after midnight (Nepal time) until 07:00 the same day', () => {
    // 18:20 UTC on Dec 1 is 00:05 NPT on Dec 2.
    expect(smsSendableAt(utc('2026-12-01T18:20:00'), QUIET)).toEqual(utc('2026-12-02T01:15:00'));
    expect(smsSendableAt(utc('2026-12-02T01:14:00'), QUIET)).toEqual(utc('2026-12-02T01:15:00'));
  });

  it('handles a window that does not wrap midnight, and none at all', () => {
    const window = { start: '12:00', end: '14:00' };
    expect(smsSendableAt(utc('2026-12-01T06:30:00'), window)).toEqual(utc('2026-12-01T08:15:00'));
    const now = utc('2026-12-01T16:00:00');
    expect(smsSendableAt(now, { start: '00:00', end: '00:00' })).toEqual(now);
  });
});

describe("a recipient's own quiet hours", () => {
  const CONFIGURED = { start: '21:00', end: '07:00' };

  it('are kept on the row as HH:MM-HH:MM, none, or null for the configured ones', () => {
    expect(storedQuietHours({ start: '22:30', end: '06:00' })).toBe('22:30-06:00');
    expect(storedQuietHours(null)).toBe('none');
    expect(storedQuietHours(undefined)).toBeNull();
    // A source that hands over something else gets the configured window, not none.
    expect(storedQuietHours({ start: '7', end: '25:00' })).toBeNull();
  });

  it('hold by their own window, by none, or by the configured one', () => {
    expect(quietHoursOf('22:30-06:00', CONFIGURED)).toEqual({ start: '22:30', end: '06:00' });
    expect(quietHoursOf('none', CONFIGURED)).toBeNull();
    expect(quietHoursOf(null, CONFIGURED)).toBe(CONFIGURED);
    const evening = utc('2026-12-01T15:30:00'); // 21:15 NPT
    expect(smsSendableAt(evening, quietHoursOf('none', CONFIGURED))).toEqual(evening);
    // 22:30 NPT is 16:45 UTC: not yet quiet for this owner at 21:15.
    expect(smsSendableAt(evening, quietHoursOf('22:30-06:00', CONFIGURED))).toEqual(evening);
    expect(
      smsSendableAt(utc('2026-12-01T17:00:00'), quietHoursOf('22:30-06:00', CONFIGURED)),
    ).toEqual(utc('2026-12-02T00:15:00'));
  });
});

describe('backoffMs', () => {
  it('doubles from the base and stops at six hours', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 1000))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffMs(40, 30_000)).toBe(6 * 60 * 60 * 1000);
  });
});
