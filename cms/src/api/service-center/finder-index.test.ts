import { haversineKm } from '@motorghar/nepal';
import type { StoredCenter } from './center-data';
import { coveredKm, FinderIndex, type FinderFilters, type FinderRow } from './finder-index';
import { isOpenAtMinute, nepalWeekMinute, weekIntervals } from './rules/hours';
import { seededRandom } from '../../lib/seeded-random';

const SERVICES = ['oil-change', 'tyres', 'wash'];
const DISTRICTS = ['kathmandu', 'lalitpur', 'kaski'];

function center(id: string, extra: Partial<StoredCenter> = {}): StoredCenter {
  return {
    id,
    slug: `slug-${id}`,
    name: `Center ${id}`,
    description: null,
    address: 'Road',
    city: null,
    district: 'kathmandu',
    province: 'bagmati',
    lat: 27.7,
    lng: 85.3,
    phone: null,
    services: [],
    makes: [],
    photos: [],
    hours: [],
    sample: false,
    ...extra,
  };
}

const row = (data: StoredCenter, locale = 'en'): FinderRow => ({
  documentId: data.id,
  locale,
  sortName: data.name.toLowerCase(),
  data,
});

/** 3,000 centers around Kathmandu and Pokhara, a tenth without coordinates. */
function fixture() {
  const next = seededRandom(11);
  const rows: FinderRow[] = [];
  for (let index = 0; index < 3000; index += 1) {
    const hub = next() < 0.7 ? { lat: 27.7, lng: 85.32 } : { lat: 28.21, lng: 83.99 };
    const located = next() > 0.1;
    rows.push(
      row(
        center(`c${String(index).padStart(5, '0')}`, {
          // Some share a name, so the id breaks ties.
          name: `Center ${Math.floor(next() * 2000)}`,
          lat: located ? hub.lat + (next() - 0.5) * 1.2 : null,
          lng: located ? hub.lng + (next() - 0.5) * 1.2 : null,
          district: DISTRICTS[Math.floor(next() * 3)],
          services: SERVICES.filter(() => next() < 0.4),
          makes: next() < 0.3 ? ['make-1'] : next() < 0.3 ? ['make-2', 'make-1'] : [],
          hours:
            next() < 0.2
              ? []
              : [{ day: 'saturday', opens: next() < 0.5 ? '09:00' : '20:00', closes: '02:00' }],
        }),
      ),
    );
  }
  return rows;
}

// Saturday 22:00 in Nepal: the 20:00–02:00 centers are open, the 09:00–02:00 ones too.
const SATURDAY_NIGHT = nepalWeekMinute(new Date('2026-12-05T22:00:00+05:45'));

function passes(data: StoredCenter, filters: FinderFilters) {
  if (filters.district && data.district !== filters.district) return false;
  if (filters.service && !data.services.includes(filters.service)) return false;
  if (filters.make && !data.makes.includes(filters.make)) return false;
  if (filters.openNow !== undefined) {
    const open = isOpenAtMinute(weekIntervals(data.hours), filters.minute ?? 0);
    if (open !== (filters.openNow === 'true')) return false;
  }
  return true;
}

/** The point `km` from (lat, lng) on `bearing` (radians), on the haversine sphere. */
function destination(lat: number, lng: number, km: number, bearing: number) {
  const rad = Math.PI / 180;
  const angle = km / 6371.0088;
  const phi = lat * rad;
  const lat2 = Math.asin(
    Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(bearing),
  );
  const lng2 =
    lng * rad +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angle) * Math.cos(phi),
      Math.cos(angle) - Math.sin(phi) * Math.sin(lat2),
    );
  return { lat: lat2 / rad, lng: lng2 / rad };
}

/** What a page by distance must hold, by brute force over every row. */
function expectedNear(
  rows: FinderRow[],
  point: { lat: number; lng: number },
  radiusKm: number,
  filters: FinderFilters,
) {
  return rows
    .filter((r) => r.data.lat !== null && passes(r.data, filters))
    .map((r) => ({
      id: r.documentId,
      distance: haversineKm(point.lat, point.lng, r.data.lat as number, r.data.lng as number),
    }))
    .filter((r) => r.distance <= radiusKm)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
}

describe('FinderIndex', () => {
  const rows = fixture();
  const index = new FinderIndex();
  index.replace([], rows);

  it('pages by distance exactly as a full sort would, across every radius and filter', () => {
    const cases: Array<[{ lat: number; lng: number }, number, FinderFilters]> = [
      [{ lat: 27.7, lng: 85.32 }, 25, {}],
      [{ lat: 27.7, lng: 85.32 }, 2, {}],
      [{ lat: 27.9, lng: 85.1 }, 300, { service: 'tyres' }],
      [{ lat: 28.21, lng: 83.99 }, 40, { district: 'kaski', make: 'make-1' }],
      [{ lat: 29.5, lng: 81.5 }, 25, {}],
    ];
    for (const [point, radius, filters] of cases) {
      const expected = expectedNear(rows, point, radius, filters);
      const walked: Array<{ id: string; distance: number }> = [];
      let after: { d: number; id: string } | null = null;
      for (let page = 0; page < 500; page += 1) {
        const found = index.near('en', point, radius, filters, after, 20);
        walked.push(...found.map(({ entry, distance }) => ({ id: entry.id, distance })));
        if (found.length < 20) break;
        const last = found[found.length - 1];
        after = { d: last.distance, id: last.entry.id };
      }
      expect(walked.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      expect(walked.map((r) => r.distance)).toEqual(expected.map((r) => r.distance));
    }
    // The wide one did page through many centers.
    expect(
      expectedNear(rows, { lat: 27.9, lng: 85.1 }, 300, { service: 'tyres' }).length,
    ).toBeGreaterThan(500);
  });

  it('answers any point, radius, page size and mix of filters as a full sort would', () => {
    // Each filter has its own grid (district, make, service); "open now" and the cursor are
    // checked as the cells are read. A search that stopped widening too early, read a grid
    // not kept current or dropped a tie at a page's edge differs from the brute force.
    const next = seededRandom(29);
    const choose = <T>(values: T[]) => values[Math.floor(next() * values.length)];
    const minutes = [SATURDAY_NIGHT, nepalWeekMinute(new Date('2026-12-05T10:00:00+05:45'))];
    for (let round = 0; round < 400; round += 1) {
      const hub = choose([
        { lat: 27.7, lng: 85.32 },
        { lat: 28.21, lng: 83.99 },
        { lat: 28.7, lng: 81.6 },
      ]);
      const point = { lat: hub.lat + (next() - 0.5) * 1.6, lng: hub.lng + (next() - 0.5) * 1.6 };
      const radius = choose([0.5, 3, 11, 25, 50, 120, 300]);
      const filters: FinderFilters = { minute: choose(minutes) };
      if (next() < 0.3) filters.district = choose(DISTRICTS);
      if (next() < 0.3) filters.make = choose(['make-1', 'make-2']);
      if (next() < 0.4) filters.service = choose(SERVICES);
      if (next() < 0.3) filters.openNow = choose(['true', 'false'] as const);
      const count = 1 + Math.floor(next() * 30);
      const expected = expectedNear(rows, point, radius, filters);
      const first = index.near('en', point, radius, filters, null, count);
      expect(first.map(({ entry }) => entry.id)).toEqual(expected.slice(0, count).map((r) => r.id));
      if (first.length === count && expected.length > count) {
        const last = first[count - 1];
        const second = index.near(
          'en',
          point,
          radius,
          filters,
          { d: last.distance, id: last.entry.id },
          count,
        );
        expect(second.map(({ entry }) => entry.id)).toEqual(
          expected.slice(count, 2 * count).map((r) => r.id),
        );
      }
    }
  });

  it('knows how far around a point the cells read so far reach, and no farther', () => {
    const next = seededRandom(5);
    for (let round = 0; round < 150; round += 1) {
      const lat = 26 + next() * 5;
      const lng = 80 + next() * 8;
      const row = Math.floor(lat / 0.1) + 1000;
      const column = Math.floor(lng / 0.1) + 2000;
      const ring = Math.floor(next() * 6);
      const rectangle = [row - ring, row + ring, column - ring, column + ring] as const;
      const covered = coveredKm(lat, lng, ...rectangle);
      const inside = (at: { lat: number; lng: number }) => {
        const r = Math.floor(at.lat / 0.1) + 1000;
        const c = Math.floor(at.lng / 0.1) + 2000;
        return r >= rectangle[0] && r <= rectangle[1] && c >= rectangle[2] && c <= rectangle[3];
      };
      // Every point within `covered`, on any bearing, lies in the cells read.
      for (let step = 0; step < 72; step += 1) {
        expect(inside(destination(lat, lng, covered, (step * Math.PI) / 36))).toBe(true);
      }
      // And the bound is tight: a little farther, some bearing leaves them.
      const farther = Array.from({ length: 720 }, (_, step) =>
        destination(lat, lng, covered * 1.01 + 0.01, (step * Math.PI) / 360),
      );
      expect(farther.some((at) => !inside(at))).toBe(true);
    }
  });

  it('pages by name with ties broken by id, with filters', () => {
    for (const filters of [{}, { district: 'lalitpur', service: 'wash' }] as FinderFilters[]) {
      const expected = rows
        .filter((r) => passes(r.data, filters))
        .sort((a, b) =>
          a.sortName !== b.sortName
            ? a.sortName < b.sortName
              ? -1
              : 1
            : a.documentId < b.documentId
              ? -1
              : 1,
        )
        .map((r) => r.documentId);
      const walked: string[] = [];
      let after: { n: string; id: string } | null = null;
      for (let page = 0; page < 500; page += 1) {
        const found = index.byName('en', filters, after, 50);
        walked.push(...found.map((entry) => entry.id));
        if (found.length < 50) break;
        const last = found[found.length - 1];
        after = { n: last.sortName, id: last.id };
      }
      expect(walked).toEqual(expected);
    }
  });

  it('filters open now and closed now; a center without hours is neither', () => {
    const open = index.byName('en', { openNow: 'true', minute: SATURDAY_NIGHT }, null, 10_000);
    const closed = index.byName('en', { openNow: 'false', minute: SATURDAY_NIGHT }, null, 10_000);
    const withHours = rows.filter((r) => r.data.hours.length > 0).length;
    expect(open.length).toBe(withHours);
    expect(closed).toEqual([]);
    // Saturday 10:00: only the 09:00 ones are open.
    const morning = nepalWeekMinute(new Date('2026-12-05T10:00:00+05:45'));
    const openMorning = index.byName('en', { openNow: 'true', minute: morning }, null, 10_000);
    const closedMorning = index.byName('en', { openNow: 'false', minute: morning }, null, 10_000);
    expect(openMorning.every((entry) => entry.data.hours[0].opens === '09:00')).toBe(true);
    expect(closedMorning.every((entry) => entry.data.hours[0].opens === '20:00')).toBe(true);
    expect(openMorning.length + closedMorning.length).toBe(withHours);
  });

  it('replaces a document in every locale: moved, renamed, removed, slug kept apart', () => {
    const small = new FinderIndex();
    small.replace(
      [],
      [
        row(center('a', { name: 'Alpha' })),
        row(center('a', { name: 'अल्फा' }), 'ne'),
        row(center('b', { name: 'Beta', lat: 27.8 })),
      ],
    );
    expect(small.find('en', 'slug-a')?.id).toBe('a');
    expect(small.find('ne', 'a')?.data.name).toBe('अल्फा');
    // `a` moves 100 km away and is renamed; it had a Nepali row, which goes.
    small.replace(['a'], [row(center('a', { name: 'Zulu', lat: 28.6, slug: 'zulu' }))]);
    expect(small.find('ne', 'a')).toBeUndefined();
    expect(small.find('en', 'slug-a')).toBeUndefined();
    expect(small.find('en', 'zulu')?.id).toBe('a');
    expect(
      small.near('en', { lat: 27.7, lng: 85.3 }, 25, {}, null, 10).map((r) => r.entry.id),
    ).toEqual(['b']);
    expect(small.byName('en', {}, null, 10).map((entry) => entry.data.name)).toEqual([
      'Beta',
      'Zulu',
    ]);
    // The filters' own grids follow a change of make, service and district.
    small.replace(
      [],
      [row(center('c', { makes: ['m1'], services: ['wash'], district: 'lalitpur' }))],
    );
    const ids = (filters: FinderFilters) =>
      small.near('en', { lat: 27.7, lng: 85.3 }, 25, filters, null, 10).map((r) => r.entry.id);
    expect(ids({ make: 'm1' })).toEqual(['c']);
    expect(ids({ service: 'wash', district: 'lalitpur' })).toEqual(['c']);
    small.replace(['c'], [row(center('c', { makes: ['m2'], district: 'kathmandu' }))]);
    expect(ids({ make: 'm1' })).toEqual([]);
    expect(ids({ service: 'wash' })).toEqual([]);
    expect(ids({ district: 'lalitpur' })).toEqual([]);
    expect(ids({ make: 'm2', district: 'kathmandu' })).toEqual(['c']);
    small.replace(['a', 'b', 'c'], []);
    expect(small.size).toBe(0);
    expect(small.near('en', { lat: 27.7, lng: 85.3 }, 300, {}, null, 10)).toEqual([]);
  });
});
