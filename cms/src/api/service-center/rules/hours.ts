/**
 * Opening hours in Nepal time (Asia/Kathmandu, UTC+5:45 all year: Nepal has no daylight
 * saving). A day's hours whose `closes` is not after `opens` run past midnight into the next
 * day (Saturday's into Sunday's). `closes` equal to `opens` means open round the clock.
 */
export const WEEK_DAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export interface DayHours {
  day: WeekDay;
  opens: string;
  closes: string;
}

const NEPAL_OFFSET_MINUTES = 5 * 60 + 45;
const DAY_MINUTES = 24 * 60;
export const WEEK_MINUTES = 7 * DAY_MINUTES;

/** `HH:MM` of a stored time (`HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm`). */
export function clockOf(value: string): string {
  return String(value).slice(0, 5);
}

const minutesOf = (clock: string) => {
  const [hours, minutes] = clockOf(clock).split(':').map(Number);
  return hours * 60 + minutes;
};

/** Minutes since Sunday 00:00 in Nepal of an instant. */
export function nepalWeekMinute(now: Date): number {
  const shifted = new Date(now.getTime() + NEPAL_OFFSET_MINUTES * 60_000);
  return shifted.getUTCDay() * DAY_MINUTES + shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/**
 * The week as half-open intervals [start, end) of minutes since Sunday 00:00 (Nepal time),
 * none crossing the week's end: Saturday night past midnight is split into its Saturday part
 * and a Sunday-morning part. What the search table stores and `openNow` filters on.
 */
export function weekIntervals(hours: readonly DayHours[]): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  for (const entry of hours) {
    const dayIndex = WEEK_DAYS.indexOf(entry.day);
    if (dayIndex < 0) continue;
    const opens = minutesOf(entry.opens);
    let closes = minutesOf(entry.closes);
    if (closes <= opens) closes += DAY_MINUTES;
    const start = dayIndex * DAY_MINUTES + opens;
    const end = dayIndex * DAY_MINUTES + closes;
    if (end <= WEEK_MINUTES) intervals.push([start, end]);
    else {
      intervals.push([start, WEEK_MINUTES]);
      intervals.push([0, end - WEEK_MINUTES]);
    }
  }
  return intervals;
}

/** Open at `minute` of the week (nepalWeekMinute) by its intervals; null without any. */
export function isOpenAtMinute(
  intervals: ReadonlyArray<readonly [number, number]>,
  minute: number,
): boolean | null {
  const count = intervals.length;
  if (count === 0) return null;
  // Indexed, not `for (const [start, end] of …)`: array destructuring runs the iterator
  // protocol, about eight times slower here, and the finder asks this of every center it
  // reads when a search filters on "open now".
  for (let at = 0; at < count; at += 1) {
    const interval = intervals[at];
    if (interval[0] <= minute && minute < interval[1]) return true;
  }
  return false;
}

/** Open at `now` (Nepal time); null when no hours are set. */
export function isOpenAt(hours: readonly DayHours[], now: Date): boolean | null {
  return isOpenAtMinute(weekIntervals(hours), nepalWeekMinute(now));
}
