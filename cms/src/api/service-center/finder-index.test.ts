import { haversineKm } from '@motorghar/nepal';
import type { StoredCenter } from './center-data';
import { FinderIndex, type FinderFilters, type FinderRow } from './finder-index';
import { nepalWeekMinute } from './rules/hours';
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
          makes: next() < 0.3 ? ['make-1'] : [],
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
  return true;
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
    small.replace(['a', 'b'], []);
    expect(small.size).toBe(0);
    expect(small.near('en', { lat: 27.7, lng: 85.3 }, 300, {}, null, 10)).toEqual([]);
  });
});
