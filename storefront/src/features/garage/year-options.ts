/** The years a catalog model was sold in; `yearTo` is null while it is still on sale. */
export interface ModelYears {
  yearFrom: number;
  yearTo?: number | null;
}

/**
 * The model years an owner can choose, newest first: from the model's first year to its last
 * (this year while it is still sold), never a year in the future.
 */
export function yearOptions({ yearFrom, yearTo }: ModelYears, now = new Date()): number[] {
  const thisYear = now.getFullYear();
  const last = Math.min(yearTo ?? thisYear, thisYear);
  const years: number[] = [];
  for (let year = last; year >= yearFrom; year -= 1) years.push(year);
  return years;
}
