import { addDays, daysBetween } from './calendar';

export interface OdometerReading {
  readingKm: number;
  /** `YYYY-MM-DD`. */
  readOn: string;
  correction: boolean;
}

/** How far back the recent daily distance looks. */
export const PROJECTION_WINDOW_DAYS = 90;
/** Readings closer together than this say too little about a habit. */
const MIN_SPAN_DAYS = 7;

/**
 * The vehicle's recent daily distance in km: from the readings of the last
 * {@link PROJECTION_WINDOW_DAYS} days (and the last one before them, the window's start),
 * after its latest correction. Null when they span under a week or show no distance.
 */
export function dailyDistance(readings: readonly OdometerReading[], today: string): number | null {
  const sorted = [...readings].sort(
    (a, b) => a.readOn.localeCompare(b.readOn) || a.readingKm - b.readingKm,
  );
  const lastCorrection = sorted.map((reading) => reading.correction).lastIndexOf(true);
  const trusted = lastCorrection >= 0 ? sorted.slice(lastCorrection) : sorted;
  const windowStart = addDays(today, -PROJECTION_WINDOW_DAYS);
  const firstInside = trusted.findIndex((reading) => reading.readOn >= windowStart);
  if (firstInside < 0) return null;
  const first = trusted[Math.max(0, firstInside - 1)];
  const last = trusted[trusted.length - 1];
  const span = daysBetween(first.readOn, last.readOn);
  const distance = last.readingKm - first.readingKm;
  if (span < MIN_SPAN_DAYS || distance <= 0) return null;
  return distance / span;
}

export interface Projection {
  /** "About N days" from `today`. */
  days: number;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** When `kmLeft` will have been ridden at `kmPerDay`; today when already past. */
export function projectKm(kmLeft: number, kmPerDay: number, today: string): Projection {
  const days = Math.max(0, Math.ceil(kmLeft / kmPerDay));
  return { days, date: addDays(today, days) };
}
