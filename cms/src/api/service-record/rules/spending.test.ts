import { lastTwelveMonths, nepalMonth, spendingOf, type CompletedService } from './spending';

const service = (overrides: Partial<CompletedService> = {}): CompletedService => ({
  completedAt: '2026-11-10T04:00:00.000Z',
  kind: 'oil-change',
  costPaisa: 150000,
  odometerKm: 10000,
  ...overrides,
});

describe('spending of a vehicle', () => {
  const now = new Date('2026-12-01T10:00:00.000Z');

  it('counts a month in Nepal time: 20:00 UTC on the 31st is already the 1st in Kathmandu', () => {
    expect(nepalMonth(new Date('2026-10-31T20:00:00.000Z'))).toBe('2026-11');
    expect(nepalMonth(new Date('2026-10-31T18:00:00.000Z'))).toBe('2026-10');
  });

  it('lists the last twelve months, oldest first, across a year', () => {
    const months = lastTwelveMonths(now);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-01');
    expect(months[11]).toBe('2026-12');
    expect(lastTwelveMonths(new Date('2026-03-15T00:00:00Z'))[0]).toBe('2025-04');
  });

  it('sums by month and by kind, totals everything and divides by the km driven', () => {
    const spending = spendingOf(
      [
        service(),
        service({
          completedAt: '2026-11-20T04:00:00.000Z',
          kind: 'tyres',
          costPaisa: 800000,
          odometerKm: 12000,
        }),
        service({ completedAt: '2026-06-05T04:00:00.000Z', costPaisa: 120000, odometerKm: 14000 }),
        // Older than a year: in the total and the kinds, not in the months.
        service({
          completedAt: '2025-06-05T04:00:00.000Z',
          kind: 'wash',
          costPaisa: 30000,
          odometerKm: null,
        }),
      ],
      'ne',
      now,
    );
    expect(spending.totalPaisa).toBe(1100000);
    expect(spending.byMonth.find((entry) => entry.month === '2026-11')!.totalPaisa).toBe(950000);
    expect(spending.byMonth.find((entry) => entry.month === '2026-06')!.totalPaisa).toBe(120000);
    expect(spending.byMonth.reduce((sum, entry) => sum + entry.totalPaisa, 0)).toBe(1070000);
    expect(spending.byKind).toEqual([
      { kind: 'tyres', name: 'टायर', totalPaisa: 800000, count: 1 },
      { kind: 'oil-change', name: 'इन्जिन आयल फेर्ने', totalPaisa: 270000, count: 2 },
      { kind: 'wash', name: 'धुलाइ', totalPaisa: 30000, count: 1 },
    ]);
    expect(spending.kmDriven).toBe(4000);
    expect(spending.costPerKmPaisa).toBe(275);
  });

  it('has no cost per km without two different odometer readings', () => {
    expect(spendingOf([service()], 'en', now).costPerKmPaisa).toBeNull();
    expect(spendingOf([service(), service()], 'en', now).costPerKmPaisa).toBeNull();
    expect(spendingOf([], 'en', now)).toMatchObject({ totalPaisa: 0, costPerKmPaisa: null });
  });
});
