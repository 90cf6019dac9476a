/** Calendar days as `YYYY-MM-DD`, counted in Nepal's time zone (UTC+5:45, no DST). */

const DAY_MS = 24 * 60 * 60 * 1000;
const NEPAL_OFFSET_MS = (5 * 60 + 45) * 60 * 1000;

const toDay = (date: Date) => date.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The day it is in Nepal at `now`. */
export const nepalToday = (now: Date): string => toDay(new Date(now.getTime() + NEPAL_OFFSET_MS));

/** The instant a Nepal day begins (its midnight in Asia/Kathmandu). */
export const nepalMidnight = (day: string): Date =>
  new Date(parseDay(day).getTime() - NEPAL_OFFSET_MS);

export const addDays = (day: string, days: number): string =>
  toDay(new Date(parseDay(day).getTime() + days * DAY_MS));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);

/** `months` later, on the same day of the month or the month's last day (31 Jan + 1 → 28 Feb). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return toDay(target);
}
