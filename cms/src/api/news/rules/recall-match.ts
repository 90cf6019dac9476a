import type { RecallSeverity } from '../news-uids';

/** What matching needs of a recall: the catalog document ids and the year range. */
export interface RecallTarget {
  makeId: string | null;
  modelId: string | null;
  yearFrom: number | null;
  yearTo: number | null;
}

export interface MatchableVehicle {
  makeId: string;
  modelId: string;
  year: number;
}

/**
 * A vehicle a recall may cover: its make is the recall's, its model too when the recall
 * names one, and its year lies within [yearFrom, yearTo], both ends included.
 */
export function recallMatches(recall: RecallTarget, vehicle: MatchableVehicle): boolean {
  if (!recall.makeId || recall.yearFrom === null || recall.yearTo === null) return false;
  return (
    vehicle.makeId === recall.makeId &&
    (recall.modelId === null || vehicle.modelId === recall.modelId) &&
    vehicle.year >= recall.yearFrom &&
    vehicle.year <= recall.yearTo
  );
}

const SEVERITY_RANK: Record<RecallSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Most severe first, then newest first. */
export const bySeverityThenNewest = (
  a: { severity: RecallSeverity; publishedAt: string },
  b: { severity: RecallSeverity; publishedAt: string },
) =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  b.publishedAt.localeCompare(a.publishedAt);
