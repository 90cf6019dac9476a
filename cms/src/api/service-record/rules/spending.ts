import { serviceKindName } from '../../catalog/service-kinds';

/** Nepal has one offset all year (UTC+5:45): a month is counted in the owner's own time. */
const NEPAL_OFFSET_MS = (5 * 60 + 45) * 60 * 1000;

/** What spending is computed from: the vehicle's completed services. */
export interface CompletedService {
  completedAt: string;
  kind: string;
  costPaisa: number | null;
  odometerKm: number | null;
}

export interface Spending {
  currency: 'NPR';
  /** All completed services with a cost, in paisa. */
  totalPaisa: number;
  /** The last 12 months in Nepal time, oldest first, months without spending at 0. */
  byMonth: Array<{ month: string; totalPaisa: number }>;
  /** Per service kind, largest first. */
  byKind: Array<{ kind: string; name: string; totalPaisa: number; count: number }>;
  /**
   * Total cost over the km driven between the lowest and highest odometer of the services
   * (paisa per km, rounded); null without two services at different odometers.
   */
  costPerKmPaisa: number | null;
  /** The km that `costPerKmPaisa` divides by; null when it is null. */
  kmDriven: number | null;
}

/** `YYYY-MM` of an instant, in Nepal time. */
export const nepalMonth = (instant: Date) =>
  new Date(instant.getTime() + NEPAL_OFFSET_MS).toISOString().slice(0, 7);

/** The 12 months ending with the one `now` falls in (Nepal time), oldest first. */
export function lastTwelveMonths(now: Date): string[] {
  const local = new Date(now.getTime() + NEPAL_OFFSET_MS);
  const months: string[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
    months.push(first.toISOString().slice(0, 7));
  }
  return months;
}

/** A vehicle's spending from its completed services, as of `now`. */
export function spendingOf(
  services: readonly CompletedService[],
  locale: string,
  now: Date,
): Spending {
  const months = new Map(lastTwelveMonths(now).map((month) => [month, 0]));
  const kinds = new Map<string, { totalPaisa: number; count: number }>();
  let totalPaisa = 0;
  for (const service of services) {
    const cost = service.costPaisa ?? 0;
    totalPaisa += cost;
    const month = nepalMonth(new Date(service.completedAt));
    if (months.has(month)) months.set(month, (months.get(month) ?? 0) + cost);
    const kind = kinds.get(service.kind) ?? { totalPaisa: 0, count: 0 };
    kinds.set(service.kind, { totalPaisa: kind.totalPaisa + cost, count: kind.count + 1 });
  }
  const odometers = services
    .map((service) => service.odometerKm)
    .filter((km): km is number => km !== null);
  const kmDriven = odometers.length > 1 ? Math.max(...odometers) - Math.min(...odometers) : 0;
  return {
    currency: 'NPR',
    totalPaisa,
    byMonth: [...months].map(([month, total]) => ({ month, totalPaisa: total })),
    byKind: [...kinds]
      .map(([kind, sums]) => ({ kind, name: serviceKindName(kind, locale), ...sums }))
      .sort((a, b) => b.totalPaisa - a.totalPaisa || a.kind.localeCompare(b.kind)),
    costPerKmPaisa: kmDriven > 0 ? Math.round(totalPaisa / kmDriven) : null,
    kmDriven: kmDriven > 0 ? kmDriven : null,
  };
}
