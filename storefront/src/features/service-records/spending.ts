/** What was spent in one AD month (`YYYY-MM`), in rupees, as the CMS sums it. */
export interface MonthSpending {
  month: string;
  amount: number;
}

/** What was spent on one kind of service (a code of the service-kind catalogue), in rupees. */
export interface KindSpending {
  kind: string;
  amount: number;
}

/** A kind's spending with its share of the total, in whole percent. */
export interface KindShare extends KindSpending {
  percent: number;
}

/** The `count` AD months (`YYYY-MM`) that end with the month of `today` (`YYYY-MM-DD`), oldest first. */
export function lastMonths(today: string, count = 12): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * Spending in each of the last `count` months, oldest first: a month without services is
 * there with 0, months outside the window are left out. `highest` is the month that cost the
 * most (the earlier one on a tie), none when nothing was spent.
 */
export function spendingByMonth(data: readonly MonthSpending[], today: string, count = 12) {
  const sums = new Map<string, number>();
  for (const { month, amount } of data) sums.set(month, (sums.get(month) ?? 0) + amount);
  const months = lastMonths(today, count).map((month) => ({ month, amount: sums.get(month) ?? 0 }));
  const total = months.reduce((sum, { amount }) => sum + amount, 0);
  const highest = months.reduce<MonthSpending | undefined>(
    (best, row) => (row.amount > 0 && (!best || row.amount > best.amount) ? row : best),
    undefined,
  );
  return { months, total, highest };
}

/**
 * Spending by kind, most first, without kinds that cost nothing. Shares are whole percent
 * that add up to 100 (largest remainder), so the table's column sums as a reader expects.
 */
export function spendingByKind(data: readonly KindSpending[]): {
  kinds: KindShare[];
  total: number;
} {
  const sums = new Map<string, number>();
  for (const { kind, amount } of data) sums.set(kind, (sums.get(kind) ?? 0) + amount);
  const rows = [...sums]
    .filter(([, amount]) => amount > 0)
    .map(([kind, amount]) => ({ kind, amount }))
    .sort((a, b) => b.amount - a.amount || a.kind.localeCompare(b.kind));
  const total = rows.reduce((sum, { amount }) => sum + amount, 0);
  if (total === 0) return { kinds: [], total };
  const exact = rows.map(({ amount }) => (amount / total) * 100);
  const percents = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let missing = 100 - percents.reduce((sum, value) => sum + value, 0);
  for (const { index } of order) {
    if (missing <= 0) break;
    percents[index]! += 1;
    missing -= 1;
  }
  return { kinds: rows.map((row, index) => ({ ...row, percent: percents[index]! })), total };
}

/**
 * The length of each amount's bar, the largest filling `maxLength`. A bar for any spending
 * at all is at least 2 units long, so a small month never looks like a month of nothing.
 */
export function barLengths(amounts: readonly number[], maxLength: number): number[] {
  const largest = Math.max(0, ...amounts);
  if (largest === 0) return amounts.map(() => 0);
  return amounts.map((amount) =>
    amount > 0 ? Math.max(2, Math.round((amount / largest) * maxLength * 10) / 10) : 0,
  );
}
