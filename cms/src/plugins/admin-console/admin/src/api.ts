import { getFetchClient } from '@strapi/strapi/admin';

/** What GET /admin-console/stats answers (server/src/stats.ts). */
export interface HomeStats {
  owners: { total: number; newThisWeek: number };
  vehicles: { total: number };
  servicesDue: { thisWeek: number };
  deliveries: { sent: number; failed: number } | null;
  recalls: { total: number; byStatus: Record<string, number> } | null;
  centers: { needsCoordinates: number } | null;
  window: { weekAgo: string; now: string; weekAhead: string };
}

let statsRequest: { at: number; promise: Promise<HomeStats> } | null = null;

/** One request for all the widgets of a homepage visit (reused for 30 seconds). */
export function loadStats(): Promise<HomeStats> {
  if (!statsRequest || Date.now() - statsRequest.at > 30_000) {
    const promise = getFetchClient()
      .get<{ data: HomeStats }>('/admin-console/stats')
      .then(({ data }) => data.data);
    promise.catch(() => {
      statsRequest = null;
    });
    statsRequest = { at: Date.now(), promise };
  }
  return statsRequest.promise;
}

export type LabelKind = 'owners' | 'makes' | 'models' | 'vehicles' | 'vehicleCounts';
type Value = string | number | null;
type Waiting = { resolve(value: Value): void; reject(error: unknown): void };

const KINDS: LabelKind[] = ['owners', 'makes', 'models', 'vehicles', 'vehicleCounts'];
const cache = new Map<string, { at: number; promise: Promise<Value> }>();
let batch: { locale: string; waiting: Map<string, Waiting[]> } | null = null;

/**
 * The label for one id, fetched with every other id the cells of the same page ask for in
 * the same tick: one GET /admin-console/labels per list page, not one per row.
 */
export function loadLabel(kind: LabelKind, id: string, locale: string): Promise<Value> {
  const key = `${locale}\0${kind}\0${id}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < 60_000) return cached.promise;
  const promise = new Promise<Value>((resolve, reject) => {
    if (!batch || batch.locale !== locale) {
      batch = { locale, waiting: new Map() };
      setTimeout(flush, 0);
    }
    const waiting = batch.waiting.get(key) ?? [];
    waiting.push({ resolve, reject });
    batch.waiting.set(key, waiting);
  });
  cache.set(key, { at: Date.now(), promise });
  promise.catch(() => cache.delete(key));
  return promise;
}

async function flush() {
  const current = batch;
  batch = null;
  if (!current) return;
  const ids: Record<LabelKind, string[]> = {
    owners: [],
    makes: [],
    models: [],
    vehicles: [],
    vehicleCounts: [],
  };
  for (const key of current.waiting.keys()) {
    const [, kind, id] = key.split('\0') as [string, LabelKind, string];
    ids[kind].push(id);
  }
  const params: Record<string, string> = { locale: current.locale };
  for (const kind of KINDS) if (ids[kind].length > 0) params[kind] = ids[kind].join(',');
  try {
    const { data } = await getFetchClient().get<{
      data: Record<LabelKind, Record<string, string | number>>;
    }>('/admin-console/labels', { params });
    for (const [key, waiting] of current.waiting) {
      const [, kind, id] = key.split('\0') as [string, LabelKind, string];
      const value = data.data[kind]?.[id];
      for (const { resolve } of waiting) resolve(value ?? null);
    }
  } catch (error) {
    for (const waiting of current.waiting.values()) {
      for (const { reject } of waiting) reject(error);
    }
  }
}
