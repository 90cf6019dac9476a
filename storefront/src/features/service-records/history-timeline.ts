import { monthOf, type CalendarMonth, type CalendarSystem, type DayEvent } from './month-calendar';

/** A service record as the history shows it; `day` is its AD day in Nepal, `YYYY-MM-DD`. */
export interface TimelineEntry extends DayEvent {
  /** What was (or will be) done, in the page's language: `Oil change`. */
  title: string;
  href?: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  /** The cost in rupees, once completed. */
  amount?: number;
  /** A second line: the service center, the odometer. */
  detail?: string;
}

/** One month of the history, in the page's calendar, with its entries newest first. */
export interface TimelineMonth<Entry extends TimelineEntry> {
  month: CalendarMonth;
  entries: Entry[];
}

const monthKey = ({ year, month }: CalendarMonth) => year * 100 + month;

/**
 * A vehicle's service history grouped by month of the page's calendar (BS months in Nepali),
 * newest month first and newest entry first within it; entries of one day keep their order.
 * A day outside the BS table falls back to its AD month.
 */
export function historyTimeline<Entry extends TimelineEntry>(
  entries: readonly Entry[],
  calendar: CalendarSystem,
): TimelineMonth<Entry>[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.day.localeCompare(a.entry.day) || a.index - b.index)
    .map(({ entry }) => entry);
  const months: TimelineMonth<Entry>[] = [];
  for (const entry of sorted) {
    const month = monthOf(entry.day, calendar) ?? monthOf(entry.day, 'ad')!;
    const last = months.at(-1);
    if (
      last &&
      last.month.calendar === month.calendar &&
      monthKey(last.month) === monthKey(month)
    ) {
      last.entries.push(entry);
    } else {
      months.push({ month, entries: [entry] });
    }
  }
  return months;
}
