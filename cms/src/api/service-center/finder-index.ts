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

/** A center found by `near`, with its distance from the point. */
interface Found {
  entry: Entry;
  distance: number;
}

/** Matches haversineKm (@motorghar/nepal): the covered radius and the distances agree. */
const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;
/** The grid's cell: a tenth of a degree, about 11 km north to south. */
const CELL_DEGREES = 0.1;
const ROW_OFFSET = 1000;
const COLUMN_OFFSET = 2000;

const cellRow = (lat: number) => Math.floor(lat / CELL_DEGREES) + ROW_OFFSET;
const cellColumn = (lng: number) => Math.floor(lng / CELL_DEGREES) + COLUMN_OFFSET;
const cellKey = (row: number, column: number) => row * 10_000 + column;

/** The latitude/longitude box around a point that holds every point within `km`. */
export function boundingBox(lat: number, lng: number, km: number) {
  const dLat = km / (EARTH_RADIUS_KM * RADIANS);
  const farLat = Math.min(89, Math.abs(lat) + dLat);
  const dLng = km / (EARTH_RADIUS_KM * RADIANS * Math.cos(farLat * RADIANS));
  return { south: lat - dLat, north: lat + dLat, west: lng - dLng, east: lng + dLng };
}

/**
 * The largest distance within which every point around (lat, lng) lies inside the cells of
 * rows `firstRow`..`lastRow` and columns `firstColumn`..`lastColumn`: the great-circle
 * distance to the nearest of the rectangle's four edges. To a parallel it is the difference in
 * latitude; to a meridian Δλ away it is asin(sin Δλ · cos φ). A hair is taken off for
 * rounding, so a center just past an edge is never counted as read.
 */
export function coveredKm(
  lat: number,
  lng: number,
  firstRow: number,
  lastRow: number,
  firstColumn: number,
  lastColumn: number,
): number {
  const south = (firstRow - ROW_OFFSET) * CELL_DEGREES;
  const north = (lastRow + 1 - ROW_OFFSET) * CELL_DEGREES;
  const west = (firstColumn - COLUMN_OFFSET) * CELL_DEGREES;
  const east = (lastColumn + 1 - COLUMN_OFFSET) * CELL_DEGREES;
  const latGap = Math.min(lat - south, north - lat) * RADIANS;
  const lngGap = Math.min(lng - west, east - lng, 90) * RADIANS;
  const toParallel = latGap;
  const toMeridian = Math.asin(Math.min(1, Math.sin(lngGap) * Math.cos(lat * RADIANS)));
  const km = EARTH_RADIUS_KM * Math.min(toParallel, toMeridian);
  return Math.max(0, km * (1 - 1e-9) - 1e-6);
}

/** Name order: the folded name, then the id, compared as strings (code units). */
function byNameOrder(a: { sortName: string; id: string }, b: { sortName: string; id: string }) {
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Distance order: nearer first, then the id. */
function byDistanceOrder(a: Found, b: Found): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
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

/** A grid of 0.1° cells: cell key → the located entries in it. */
type Grid = Map<number, Entry[]>;

/**
 * The grids a located entry is in: every center's, and one per district, make and service it
 * has, so a filtered search reads only the centers that can pass its most selective filter.
 */
function gridKeysOf(entry: Entry): string[] {
  return [
    ALL,
    `d:${entry.district}`,
    ...[...entry.makes].map((make) => `m:${make}`),
    ...[...entry.services].map((service) => `s:${service}`),
  ];
}
const ALL = '*';

/** The grid a search reads: its district's, else its make's, else its service's, else all. */
function gridKeyFor(filters: FinderFilters): string {
  if (filters.district) return `d:${filters.district}`;
  if (filters.make) return `m:${filters.make}`;
  if (filters.service) return `s:${filters.service}`;
  return ALL;
}

class LocaleIndex {
  readonly byId = new Map<string, Entry>();
  readonly bySlug = new Map<string, Entry>();
  readonly grids = new Map<string, Grid>();
  /** Every entry in name order; rebuilt on the first read after a change. */
  private named: Entry[] | null = null;

  add(entry: Entry): void {
    this.remove(entry.id);
    this.byId.set(entry.id, entry);
    this.bySlug.set(entry.data.slug, entry);
    if (entry.cell !== null) {
      for (const key of gridKeysOf(entry)) {
        let grid = this.grids.get(key);
        if (!grid) {
          grid = new Map();
          this.grids.set(key, grid);
        }
        const cell = grid.get(entry.cell);
        if (cell) cell.push(entry);
        else grid.set(entry.cell, [entry]);
      }
    }
    this.named = null;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    if (this.bySlug.get(entry.data.slug) === entry) this.bySlug.delete(entry.data.slug);
    if (entry.cell !== null) {
      for (const key of gridKeysOf(entry)) {
        const grid = this.grids.get(key);
        if (!grid) continue;
        const cell = (grid.get(entry.cell) ?? []).filter((other) => other !== entry);
        if (cell.length > 0) grid.set(entry.cell, cell);
        else grid.delete(entry.cell);
        if (grid.size === 0) this.grids.delete(key);
      }
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
 * The finder's published centers held in memory, per locale: grids of 0.1° cells for
 * `near=` (one of every center, one per district, make and service), the name order for the
 * list without a point, and lookups by id and slug. A page by distance reads the cells around
 * the point ring by ring until no unread cell can hold a nearer center or the radius is read;
 * a page by name walks the name order from its cursor. Pure: the
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
   *
   * Reads the grid of the most selective filter ring by ring outwards from the point's cell,
   * keeping the `count` nearest so far, and stops as soon as the farthest of them is no
   * farther than every cell not yet read can be (coveredKm), or when the rings hold the whole
   * radius. Each cell is read once.
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
    const grid = index?.grids.get(gridKeyFor(filters));
    if (!grid || count <= 0) return [];
    const { lat, lng } = point;
    const accepts = acceptance(filters);
    // The `count` nearest found so far that lie past the cursor, in distance order.
    const best: Found[] = [];
    const consider = (entry: Entry) => {
      const distance = haversineKm(lat, lng, entry.lat as number, entry.lng as number);
      if (distance > radiusKm) return;
      if (after && (distance < after.d || (distance === after.d && entry.id <= after.id))) return;
      const found = { entry, distance };
      if (best.length === count) {
        if (byDistanceOrder(found, best[count - 1]) >= 0) return;
        best.pop();
      }
      // Binary insertion: a page is a few dozen at most.
      let low = 0;
      let high = best.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (byDistanceOrder(best[middle], found) < 0) low = middle + 1;
        else high = middle;
      }
      best.splice(low, 0, found);
    };
    // The cells that can hold a point within the radius; rings are clipped to them.
    const box = boundingBox(lat, lng, radiusKm);
    const limits = {
      firstRow: cellRow(box.south),
      lastRow: cellRow(box.north),
      firstColumn: cellColumn(box.west),
      lastColumn: cellColumn(box.east),
    };
    const row0 = cellRow(lat);
    const column0 = cellColumn(lng);
    const readCell = (row: number, column: number) => {
      if (row < limits.firstRow || row > limits.lastRow) return;
      if (column < limits.firstColumn || column > limits.lastColumn) return;
      const cell = grid.get(cellKey(row, column));
      if (!cell) return;
      for (const entry of cell) if (accepts(entry)) consider(entry);
    };
    for (let ring = 0; ; ring += 1) {
      if (ring === 0) readCell(row0, column0);
      else {
        // The ring's top and bottom rows whole, then its two side columns between them.
        for (let column = column0 - ring; column <= column0 + ring; column += 1) {
          readCell(row0 - ring, column);
          readCell(row0 + ring, column);
        }
        for (let row = row0 - ring + 1; row <= row0 + ring - 1; row += 1) {
          readCell(row, column0 - ring);
          readCell(row, column0 + ring);
        }
      }
      const holdsAll =
        row0 - ring <= limits.firstRow &&
        row0 + ring >= limits.lastRow &&
        column0 - ring <= limits.firstColumn &&
        column0 + ring >= limits.lastColumn;
      if (holdsAll) break;
      const covered = coveredKm(lat, lng, row0 - ring, row0 + ring, column0 - ring, column0 + ring);
      if (covered >= radiusKm) break;
      if (best.length === count && best[count - 1].distance <= covered) break;
    }
    return best;
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
