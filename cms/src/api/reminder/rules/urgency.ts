import { daysBetween } from './calendar';

/** How pressing a reminder is, least to most. */
export const URGENCY_TIERS = ['upcoming', 'due-soon', 'due', 'overdue'] as const;
export type UrgencyTier = (typeof URGENCY_TIERS)[number];

export interface UrgencyThresholds {
  dueSoonDays: number;
  dueSoonKm: number;
  dueDays: number;
  dueKm: number;
}

export interface DuePoint {
  dueDate: string | null;
  dueKm: number | null;
}

export interface Urgency {
  tier: UrgencyTier;
  /** Days to the due date (negative past it); null without a date. */
  daysLeft: number | null;
  /** Km to the due reading (negative past it); null without a km or a known odometer. */
  kmLeft: number | null;
}

function tierOfDistance(left: number | null, soon: number, due: number): UrgencyTier {
  if (left === null) return 'upcoming';
  if (left < 0) return 'overdue';
  if (left <= due) return 'due';
  if (left <= soon) return 'due-soon';
  return 'upcoming';
}

const moreUrgent = (a: UrgencyTier, b: UrgencyTier) =>
  URGENCY_TIERS.indexOf(a) >= URGENCY_TIERS.indexOf(b) ? a : b;

/**
 * The urgency of a due point on `today` with the vehicle at `odometerKm`: by date, by km, or,
 * with both, whichever comes first (the more urgent of the two).
 */
export function urgencyOf(
  due: DuePoint,
  today: string,
  odometerKm: number | null,
  thresholds: UrgencyThresholds,
): Urgency {
  const daysLeft = due.dueDate === null ? null : daysBetween(today, due.dueDate);
  const kmLeft = due.dueKm === null || odometerKm === null ? null : due.dueKm - odometerKm;
  const tier = moreUrgent(
    tierOfDistance(daysLeft, thresholds.dueSoonDays, thresholds.dueDays),
    tierOfDistance(kmLeft, thresholds.dueSoonKm, thresholds.dueKm),
  );
  return { tier, daysLeft, kmLeft };
}

/** `date`, `km` or `whichever-first`, from which due points are set. */
export function modeOf(due: DuePoint): 'date' | 'km' | 'whichever-first' {
  if (due.dueDate !== null && due.dueKm !== null) return 'whichever-first';
  return due.dueKm !== null ? 'km' : 'date';
}
