import { describe, expect, it } from 'vitest';
import { barLengths, lastMonths, spendingByKind, spendingByMonth } from './spending';

describe('lastMonths', () => {
  it('gives the twelve months that end with this one, across the year', () => {
    expect(lastMonths('2024-03-15')).toEqual([
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
  });
});

describe('spendingByMonth', () => {
  it('fills months without services with 0 and leaves out older months', () => {
    const result = spendingByMonth(
      [
        { month: '2024-03', amount: 4500 },
        { month: '2023-11', amount: 12_000 },
        { month: '2023-03', amount: 99_999 },
      ],
      '2024-03-15',
    );
    expect(result.months).toHaveLength(12);
    expect(result.months.find((row) => row.month === '2023-11')?.amount).toBe(12_000);
    expect(result.months.find((row) => row.month === '2023-12')?.amount).toBe(0);
    expect(result.total).toBe(16_500);
    expect(result.highest).toEqual({ month: '2023-11', amount: 12_000 });
  });

  it('has no highest month when nothing was spent', () => {
    expect(spendingByMonth([], '2024-03-15')).toMatchObject({ total: 0, highest: undefined });
  });
});

describe('spendingByKind', () => {
  it('lists kinds most first with whole percents that add up to 100', () => {
    const { kinds, total } = spendingByKind([
      { kind: 'tyres', amount: 1000 },
      { kind: 'oil-change', amount: 1000 },
      { kind: 'brakes', amount: 1000 },
      { kind: 'wash', amount: 0 },
    ]);
    expect(total).toBe(3000);
    expect(kinds.map((row) => row.kind)).toEqual(['brakes', 'oil-change', 'tyres']);
    expect(kinds.map((row) => row.percent)).toEqual([34, 33, 33]);
  });

  it('adds up repeated kinds', () => {
    const { kinds } = spendingByKind([
      { kind: 'repair', amount: 500 },
      { kind: 'repair', amount: 250 },
      { kind: 'wash', amount: 250 },
    ]);
    expect(kinds).toEqual([
      { kind: 'repair', amount: 750, percent: 75 },
      { kind: 'wash', amount: 250, percent: 25 },
    ]);
  });

  it('gives nothing when nothing was spent', () => {
    expect(spendingByKind([{ kind: 'wash', amount: 0 }])).toEqual({ kinds: [], total: 0 });
  });
});

describe('barLengths', () => {
  it('fills the length with the largest amount and scales the others', () => {
    expect(barLengths([100, 50, 0, 25], 200)).toEqual([200, 100, 0, 50]);
  });

  it('keeps a tiny amount visible and draws no bars for nothing', () => {
    expect(barLengths([100_000, 10], 200)).toEqual([200, 2]);
    expect(barLengths([0, 0], 200)).toEqual([0, 0]);
  });
});
