import { addMonths, nepalMidnight, nepalToday } from './calendar';
import { renewalKindOf } from './document-reminders';
import { notificationPoint } from './notification-point';
import { dailyDistance, projectKm } from './projection';
import { nextDuePoint, type Recurring } from './recurrence';
import { templatesFor } from './templates';
import { modeOf, urgencyOf } from './urgency';

const THRESHOLDS = { dueSoonDays: 30, dueSoonKm: 500, dueDays: 7, dueKm: 100 };
const TODAY = '2026-12-01';

describe('urgency tiers', () => {
  const byDate = (dueDate: string) =>
    urgencyOf({ dueDate, dueKm: null }, TODAY, 10_000, THRESHOLDS).tier;
  const byKm = (dueKm: number) =>
    urgencyOf({ dueDate: null, dueKm }, TODAY, 10_000, THRESHOLDS).tier;

  it('is upcoming beyond 30 days, due soon within 30, due within 7, overdue past the date', () => {
    expect(byDate('2027-01-01')).toBe('upcoming');
    expect(byDate('2026-12-31')).toBe('due-soon');
    expect(byDate('2026-12-08')).toBe('due');
    expect(byDate('2026-12-01')).toBe('due');
    expect(byDate('2026-11-30')).toBe('overdue');
  });

  it('is upcoming beyond 500 km, due soon within 500, due within 100, overdue past the km', () => {
    expect(byKm(10_501)).toBe('upcoming');
    expect(byKm(10_500)).toBe('due-soon');
    expect(byKm(10_100)).toBe('due');
    expect(byKm(10_000)).toBe('due');
    expect(byKm(9_999)).toBe('overdue');
  });

  it('takes whichever comes first when both a date and a km are set', () => {
    const far = '2027-06-01';
    const urgency = urgencyOf({ dueDate: far, dueKm: 10_050 }, TODAY, 10_000, THRESHOLDS);
    expect(urgency).toEqual({ tier: 'due', daysLeft: 182, kmLeft: 50 });
    expect(
      urgencyOf({ dueDate: '2026-11-01', dueKm: 20_000 }, TODAY, 10_000, THRESHOLDS).tier,
    ).toBe('overdue');
    expect(modeOf({ dueDate: far, dueKm: 1 })).toBe('whichever-first');
    expect(modeOf({ dueDate: null, dueKm: 1 })).toBe('km');
    expect(modeOf({ dueDate: far, dueKm: null })).toBe('date');
  });

  it('cannot tell a km tier without a known odometer', () => {
    expect(urgencyOf({ dueDate: null, dueKm: 5 }, TODAY, null, THRESHOLDS)).toEqual({
      tier: 'upcoming',
      daysLeft: null,
      kmLeft: null,
    });
  });
});

describe('the next occurrence after completion', () => {
  const oil: Recurring = {
    dueDate: '2026-10-01',
    dueKm: 12_000,
    everyMonths: 4,
    everyKm: 3000,
    schedule: 'from-completion',
  };

  it('counts from the service date and odometer', () => {
    expect(nextDuePoint(oil, { date: '2026-11-20', odometerKm: 12_400 })).toEqual({
      dueDate: '2027-03-20',
      dueKm: 15_400,
    });
  });

  it('counts from the due point on a fixed schedule, however late the renewal', () => {
    const insurance: Recurring = {
      dueDate: '2026-10-01',
      dueKm: null,
      everyMonths: 12,
      everyKm: null,
      schedule: 'fixed',
    };
    expect(nextDuePoint(insurance, { date: '2026-11-20', odometerKm: 12_400 })).toEqual({
      dueDate: '2027-10-01',
      dueKm: null,
    });
    expect(
      nextDuePoint({ ...oil, schedule: 'fixed' }, { date: '2026-11-20', odometerKm: 12_400 }),
    ).toEqual({
      dueDate: '2027-02-01',
      dueKm: 15_000,
    });
  });

  it('keeps the km base of the due point when the service gives no odometer', () => {
    expect(nextDuePoint(oil, { date: '2026-11-20', odometerKm: null })?.dueKm).toBe(15_000);
  });

  it('has none for a one-off', () => {
    expect(
      nextDuePoint({ ...oil, everyMonths: null, everyKm: null }, { date: TODAY, odometerKm: 1 }),
    ).toBeNull();
  });

  it('adds months to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-08-15', 12)).toBe('2027-08-15');
  });
});

describe('the projection of a km reminder', () => {
  const reading = (readOn: string, readingKm: number, correction = false) => ({
    readOn,
    readingKm,
    correction,
  });

  it('uses the readings of the last 90 days and the one before them', () => {
    const readings = [
      reading('2026-01-01', 1_000),
      reading('2026-08-23', 5_000),
      reading('2026-10-01', 6_000),
      reading('2026-11-30', 7_000),
    ];
    // 2026-08-23 → 2026-11-30: 99 days, 2,000 km.
    expect(dailyDistance(readings, TODAY)).toBeCloseTo(2000 / 99);
  });

  it('says nothing from readings under a week apart, without distance, or all too old', () => {
    expect(dailyDistance([reading('2026-11-28', 1), reading('2026-11-30', 50)], TODAY)).toBeNull();
    expect(dailyDistance([reading('2026-10-01', 50), reading('2026-11-30', 50)], TODAY)).toBeNull();
    expect(dailyDistance([reading('2025-01-01', 1), reading('2025-06-01', 900)], TODAY)).toBeNull();
  });

  it('starts after the latest correction', () => {
    const readings = [
      reading('2026-09-01', 90_000),
      reading('2026-10-01', 9_000, true),
      reading('2026-11-30', 10_800),
    ];
    expect(dailyDistance(readings, TODAY)).toBeCloseTo(30);
  });

  it('projects "about N days" from the km left', () => {
    expect(projectKm(450, 30, TODAY)).toEqual({ days: 15, date: '2026-12-16' });
    expect(projectKm(-20, 30, TODAY)).toEqual({ days: 0, date: TODAY });
  });
});

describe('the notification point', () => {
  it('is days before the date at Nepal midnight, and km before the km', () => {
    expect(
      notificationPoint({ dueDate: '2026-12-20', dueKm: 15_000 }, { daysBefore: 7, kmBefore: 300 }),
    ).toEqual({ notifyAt: new Date('2026-12-12T18:15:00.000Z'), notifyKm: 14_700 });
    expect(
      notificationPoint({ dueDate: null, dueKm: 100 }, { daysBefore: 7, kmBefore: 300 }),
    ).toEqual({ notifyAt: null, notifyKm: 0 });
  });

  it('counts days in Nepal', () => {
    expect(nepalToday(new Date('2026-12-01T18:14:00Z'))).toBe('2026-12-01');
    expect(nepalToday(new Date('2026-12-01T18:15:00Z'))).toBe('2026-12-02');
    expect(nepalMidnight('2026-12-02').toISOString()).toBe('2026-12-01T18:15:00.000Z');
  });
});

describe('templates per vehicle type', () => {
  const oil = (type: string, isEv = false) =>
    templatesFor(type, isEv).find((template) => template.kind === 'oil-change');

  it('changes a motorcycle’s oil every 3,000 km or 4 months and a car’s every 10,000 km or 12', () => {
    expect(oil('motorcycle')).toMatchObject({ everyKm: 3000, everyMonths: 4 });
    expect(oil('scooter')).toMatchObject({ everyKm: 3000, everyMonths: 4 });
    expect(oil('car')).toMatchObject({ everyKm: 10_000, everyMonths: 12 });
  });

  it('gives a chain to motorcycles only and no engine work to an electric scooter', () => {
    const codes = (type: string, isEv = false) => templatesFor(type, isEv).map((item) => item.code);
    expect(codes('motorcycle')).toContain('chain-sprocket');
    expect(codes('scooter')).not.toContain('chain-sprocket');
    expect(codes('scooter', true)).not.toEqual(expect.arrayContaining(['oil-change']));
    expect(codes('scooter', true)).not.toContain('pollution-test');
  });

  it('names every template in English and Nepali, with an interval', () => {
    for (const type of ['motorcycle', 'scooter', 'car', 'truck']) {
      for (const template of templatesFor(type, false)) {
        expect(template.name.ne).toMatch(/[\u0900-\u097F]/);
        expect(template.everyKm ?? template.everyMonths).not.toBeNull();
      }
    }
  });
});

describe('document renewals', () => {
  it('maps bluebook, insurance and pollution documents to their service kinds', () => {
    expect(renewalKindOf('bluebook')).toBe('bluebook-renewal');
    expect(renewalKindOf('third-party-insurance')).toBe('insurance-renewal');
    expect(renewalKindOf('insurance')).toBe('insurance-renewal');
    expect(renewalKindOf('pollution-test')).toBe('pollution-test');
    expect(renewalKindOf('driving-licence')).toBe('other');
  });
});
