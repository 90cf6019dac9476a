import { haversineKm } from '@motorghar/nepal';
import type { StoredCenter } from './center-data';
import type { DistancePosition, NamePosition } from './center-cursor';
import { isOpenAtMinute, weekIntervals } from './rules/hours';

/** One row of the search table: a published center in one locale (storage.ts). */
export interface FinderRow {
  documentId: string;
  locale: string;
  sortName: string;
  data: StoredCenter;
}

/** What the finder filters on beside distance; `minute` (Nepal week minute) for openNow. */
export interface FinderFilters {
  district?: string;
  service?: string;
  make?: string;
  openNow?: 'true' | 'false';
  minute?: number;
}

export interface FinderEntry {
  readonly id: string;
  readonly sortName: string;
  readonly data: StoredCenter;
  /** The week's opening intervals (rules/hours.ts weekIntervals), computed once. */
  readonly intervals: ReadonlyArray<readonly [number, number]>;
}

interface Entry extends FinderEntry {
  readonly lat: number | null;
  readonly lng: number | null;
  readonly cell: number | null;
  readonly district: string;
  readonly services: ReadonlySet<string>;
  readonly makes: ReadonlySet<string>;
}

const KM_PER_DEGREE = (Math.PI / 180) * 6371.0088;
/** The grid's cell: a tenth of a degree, about 11 km north to south. */
const CELL_DEGREES = 0.1;
/** The first radius a `near` search tries before widening (× 4 each step). */
const FIRST_RADIUS_KM = 6;

const cellRow = (lat: number) => Math.floor(lat / CELL_DEGREES) + 1000;
const cellColumn = (lng: number) => Math.floor(lng / CELL_DEGREES) + 2000;
const cellKey = (row: number, column: number) => row * 10_000 + column;

/** The latitude/longitude box around a point that holds every point within `km`. */
export function boundingBox(lat: number, lng: number, km: number) {
  const dLat = km / KM_PER_DEGREE;
  const farLat = Math.min(89, Math.abs(lat) + dLat);
  const dLng = km / (KM_PER_DEGREE * Math.cos((farLat * Math.PI) / 180));
  return { south: lat - dLat, north: lat + dLat, west: lng - dLng, east: lng + dLng };
}

/** Name order: the folded name, then the id, compared as strings (code units). */
function byNameOrder(a: { sortName: string; id: string }, b: { sortName: string; id: string }) {
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The filters as one test, read out of `filters` once per search rather than once per center
 * looked at (a search may look at thousands).
 */
function acceptance(filters: FinderFilters): (entry: Entry) => boolean {
  const { district, service, make, openNow } = filters;
  const minute = filters.minute ?? 0;
  // "false": has hours and is closed; a center without hours is neither.
  const wantOpen = openNow === undefined ? undefined : openNow === 'true';
  return (entry) =>
    (!district || entry.district === district) &&
    (!service || entry.services.has(service)) &&
    (!make || entry.makes.has(make)) &&
    (wantOpen === undefined || isOpenAtMinute(entry.intervals, minute) === wantOpen);
}

class LocaleIndex {
  readonly byId = new Map<string, Entry>();
  readonly bySlug = new Map<string, Entry>();
  readonly grid = new Map<number, Entry[]>();
  /** Every entry in name order; rebuilt on the first read after a change. */
  private named: Entry[] | null = null;

  add(entry: Entry): void {
    this.remove(entry.id);
    this.byId.set(entry.id, entry);
    this.bySlug.set(entry.data.slug, entry);
    if (entry.cell !== null) {
      const cell = this.grid.get(entry.cell);
      if (cell) cell.push(entry);
      else this.grid.set(entry.cell, [entry]);
    }
    this.named = null;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    if (this.bySlug.get(entry.data.slug) === entry) this.bySlug.delete(entry.data.slug);
    if (entry.cell !== null) {
      const cell = (this.grid.get(entry.cell) ?? []).filter((other) => other !== entry);
      if (cell.length > 0) this.grid.set(entry.cell, cell);
      else this.grid.delete(entry.cell);
    }
    this.named = null;
  }

  inNameOrder(): Entry[] {
    this.named ??= [...this.byId.values()].sort(byNameOrder);
    return this.named;
  }
}

function entryOf(row: FinderRow): Entry {
  const { data } = row;
  const located = data.lat !== null && data.lng !== null;
  return {
    id: row.documentId,
    sortName: row.sortName,
    data,
    lat: data.lat,
    lng: data.lng,
    cell: located ? cellKey(cellRow(data.lat as number), cellColumn(data.lng as number)) : null,
    services: new Set(data.services),
    makes: new Set(data.makes),
    district: data.district,
    intervals: weekIntervals(data.hours),
  };
}

/**
 * The finder's published centers held in memory, per locale: a grid of 0.1° cells for
 * `near=`, the name order for the list without a point, and lookups by id and slug. A page
 * by distance reads only the cells around the point, widening from 6 km until it holds a
 * page or reaches the radius; a page by name walks the name order from its cursor. Pure: the
 * search service (services/search.ts) loads it from the search table and keeps it current.
 */
export class FinderIndex {
  private readonly locales = new Map<string, LocaleIndex>();

  get size(): number {
    let count = 0;
    for (const index of this.locales.values()) count += index.byId.size;
    return count;
  }

  private locale(code: string): LocaleIndex {
    let index = this.locales.get(code);
    if (!index) {
      index = new LocaleIndex();
      this.locales.set(code, index);
    }
    return index;
  }

  /** Replaces what the index holds of `documentIds` (every locale) with `rows`. */
  replace(documentIds: Iterable<string>, rows: readonly FinderRow[]): void {
    for (const id of documentIds) {
      for (const index of this.locales.values()) index.remove(id);
    }
    for (const row of rows) this.locale(row.locale).add(entryOf(row));
  }

  /** A center by document id in `locale`. */
  get(locale: string, documentId: string): FinderEntry | undefined {
    return this.locales.get(locale)?.byId.get(documentId);
  }

  /** A center by document id or slug in `locale`. */
  find(locale: string, idOrSlug: string): FinderEntry | undefined {
    const index = this.locales.get(locale);
    return index?.byId.get(idOrSlug) ?? index?.bySlug.get(idOrSlug);
  }

  /**
   * Up to `count` centers within `radiusKm` of `point` that pass `filters`, nearest first
   * (ties by id), after `after` when it is given, each with its distance.
   */
  near(
    locale: string,
    point: { lat: number; lng: number },
    radiusKm: number,
    filters: FinderFilters,
    after: DistancePosition | null,
    count: number,
  ): Array<{ entry: FinderEntry; distance: number }> {
    const index = this.locales.get(locale);
    if (!index || count <= 0) return [];
    const beyond = (distance: number, id: string) =>
      !after || distance > after.d || (distance === after.d && id > after.id);
    // Each cell is read once: the box only grows as the search widens, so a wider step reads
    // the cells the last box did not hold. What passes the filters (checked first: cheaper
    // than a distance, and they drop most centers when set) and lies past the cursor is kept
    // with its distance, however far, and counted again at each wider step.
    const accepts = acceptance(filters);
    const candidates: Array<{ entry: Entry; distance: number }> = [];
    // The rectangle of cells read so far (none yet).
    const read = {
      firstRow: Infinity,
      lastRow: -Infinity,
      firstColumn: Infinity,
      lastColumn: -Infinity,
    };
    let km = Math.min(radiusKm, FIRST_RADIUS_KM);
    for (;;) {
      const box = boundingBox(point.lat, point.lng, km);
      const rows: [number, number] = [cellRow(box.south), cellRow(box.north)];
      const columns: [number, number] = [cellColumn(box.west), cellColumn(box.east)];
      for (let row = rows[0]; row <= rows[1]; row += 1) {
        for (let column = columns[0]; column <= columns[1]; column += 1) {
          const wasRead =
            row >= read.firstRow &&
            row <= read.lastRow &&
            column >= read.firstColumn &&
            column <= read.lastColumn;
          if (wasRead) continue;
          const cell = index.grid.get(cellKey(row, column));
          if (!cell) continue;
          for (const entry of cell) {
            if (!accepts(entry)) continue;
            const distance = haversineKm(
              point.lat,
              point.lng,
              entry.lat as number,
              entry.lng as number,
            );
            if (distance <= radiusKm && beyond(distance, entry.id)) {
              candidates.push({ entry, distance });
            }
          }
        }
      }
      // The box only grows as `km` does, so the new box holds the old one.
      Object.assign(read, {
        firstRow: rows[0],
        lastRow: rows[1],
        firstColumn: columns[0],
        lastColumn: columns[1],
      });
      // Every center within `km` after the cursor. When there are `count` of them they are
      // the page: anything outside `km` is farther than all of them.
      const within = km >= radiusKm ? candidates : candidates.filter((c) => c.distance <= km);
      if (within.length >= count || km >= radiusKm) {
        within.sort((a, b) =>
          a.distance !== b.distance
            ? a.distance - b.distance
            : a.entry.id < b.entry.id
              ? -1
              : a.entry.id > b.entry.id
                ? 1
                : 0,
        );
        return within.slice(0, count);
      }
      km = Math.min(radiusKm, km * 4);
    }
  }

  /** Up to `count` centers that pass `filters` in name order, after `after` when given. */
  byName(
    locale: string,
    filters: FinderFilters,
    after: NamePosition | null,
    count: number,
  ): FinderEntry[] {
    const index = this.locales.get(locale);
    if (!index || count <= 0) return [];
    const accepts = acceptance(filters);
    const named = index.inNameOrder();
    let start = 0;
    if (after) {
      // The first entry past the cursor, by binary search.
      const position = { sortName: after.n, id: after.id };
      let high = named.length;
      while (start < high) {
        const middle = (start + high) >>> 1;
        if (byNameOrder(named[middle], position) <= 0) start = middle + 1;
        else high = middle;
      }
    }
    const page: FinderEntry[] = [];
    for (let at = start; at < named.length && page.length < count; at += 1) {
      if (accepts(named[at])) page.push(named[at]);
    }
    return page;
  }
}
