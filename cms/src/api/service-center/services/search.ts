import { haversineKm } from '@motorghar/nepal';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { loadEnv } from '../../../lib/env';
import { InvalidField, NotFound } from '../../../lib/errors';
import { createMediaUrls } from '../../../lib/media/media-urls';
import type { Page } from '../../../lib/pagination';
import { catalogGeneration } from '../../catalog/cache-invalidation';
import { getCatalogService } from '../../catalog/services';
import {
  placeNames,
  type CenterDetail,
  type CenterSummary,
  type StoredCenter,
} from '../center-data';
import { createCenterCursorCodec } from '../center-cursor';
import { DEFAULT_RADIUS_KM, type CenterFilters } from '../center-query';
import { isOpenAt, nepalWeekMinute } from '../rules/hours';
import { HOURS_TABLE, SEARCH_TABLE } from '../storage';

const EARTH_RADIUS_KM = 6371.0088;
const MAKE_NAMES_TTL_MS = 10_000;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

/** The latitude/longitude box around a point that holds every point within `km`. */
function boundingBox(lat: number, lng: number, km: number) {
  const dLat = km / KM_PER_DEGREE;
  const farLat = Math.min(89, Math.abs(lat) + dLat);
  const dLng = km / (KM_PER_DEGREE * Math.cos((farLat * Math.PI) / 180));
  return { south: lat - dLat, north: lat + dLat, west: lng - dLng, east: lng + dLng };
}

interface SearchRow {
  document_id: string;
  sort_name: string;
  lat: number | null;
  lng: number | null;
  data: string;
  distance?: number | string | null;
}

const like = (value: string) => `%,${value.replace(/[%_,\\]/g, '')},%`;

/**
 * The finder's reads: published centers by distance or name with filters, one center, and
 * the short references other domains embed. Everything reads the search table (storage.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cursors = createCenterCursorCodec(`service-centers:${loadEnv().appKeys[0]}`);
  const media = createMediaUrls(strapi);
  const postgres = () => strapi.db.dialect.client === 'postgres';
  const knex = () => strapi.db.connection as unknown as Knex;

  // The catalog's make names by id, per locale: every finder request needs them (names in
  // the answer, the `make` filter checked), so this process keeps the map rather than asking
  // the shared cache and rebuilding it each time. A catalog write here drops it at once;
  // another instance's write reaches this one within MAKE_NAMES_TTL_MS.
  const makeNamesByLocale = new Map<
    string,
    { names: Promise<Map<string, string>>; generation: number; until: number }
  >();

  function makeNames(locale: string): Promise<Map<string, string>> {
    const generation = catalogGeneration(strapi);
    const known = makeNamesByLocale.get(locale);
    if (known && known.generation === generation && known.until > Date.now()) return known.names;
    const names = getCatalogService(strapi, 'catalog')
      .makes(locale)
      .then((makes) => new Map(makes.map((make) => [make.id, make.name])));
    const entry = { names, generation, until: Date.now() + MAKE_NAMES_TTL_MS };
    makeNamesByLocale.set(locale, entry);
    names.catch(() => {
      if (makeNamesByLocale.get(locale) === entry) makeNamesByLocale.delete(locale);
    });
    return names;
  }

  async function summaryOf(
    data: StoredCenter,
    locale: string,
    names: Map<string, string>,
    now: Date,
    distanceKm: number | null,
  ): Promise<CenterSummary> {
    const first = data.photos[0];
    return {
      id: data.id,
      slug: data.slug,
      name: data.name,
      address: data.address,
      city: data.city,
      ...placeNames(data.district, locale),
      location: data.lat === null || data.lng === null ? null : { lat: data.lat, lng: data.lng },
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      phone: data.phone,
      openNow: isOpenAt(data.hours, now),
      services: data.services,
      makes: data.makes
        .filter((id) => names.has(id))
        .map((id) => ({ id, name: names.get(id) as string })),
      photo: first
        ? {
            url: (await media.urlsOf(first.file)).thumbnailUrl,
            alternativeText: first.alternativeText,
          }
        : null,
      sample: data.sample,
    };
  }

  /** The rows of `locale` that pass the filters other than distance. */
  function filtered(locale: string, filters: CenterFilters, now: Date) {
    const query = knex()(`${SEARCH_TABLE} as s`).where('s.locale', locale);
    if (filters.district) query.andWhere('s.district', filters.district);
    if (filters.service) query.andWhere('s.services', 'like', like(filters.service));
    if (filters.make) query.andWhere('s.makes', 'like', like(filters.make));
    if (filters.openNow) {
      const minute = nepalWeekMinute(now);
      const open = knex()(`${HOURS_TABLE} as h`)
        .select(knex().raw('1'))
        .whereRaw('h.document_id = s.document_id')
        .andWhere('h.start_min', '<=', minute)
        .andWhere('h.end_min', '>', minute);
      if (filters.openNow === 'true') query.whereExists(open);
      else query.andWhere('s.has_hours', true).whereNotExists(open);
    }
    return query;
  }

  /**
   * PostgreSQL: `filtered` as SQL text and its bindings, composed by hand. The finder's two
   * statements are fixed but for which filters apply, and building them through the query
   * builder was the largest part of a request's own CPU time.
   */
  function filterSql(locale: string, filters: CenterFilters, now: Date) {
    let sql = 's.locale = ?';
    const bindings: unknown[] = [locale];
    if (filters.district) {
      sql += ' and s.district = ?';
      bindings.push(filters.district);
    }
    if (filters.service) {
      sql += ' and s.services like ?';
      bindings.push(like(filters.service));
    }
    if (filters.make) {
      sql += ' and s.makes like ?';
      bindings.push(like(filters.make));
    }
    if (filters.openNow) {
      const minute = nepalWeekMinute(now);
      const open =
        `exists (select 1 from ${HOURS_TABLE} as h where h.document_id = s.document_id ` +
        'and h.start_min <= ? and h.end_min > ?)';
      sql +=
        filters.openNow === 'true' ? ` and ${open}` : ` and s.has_hours = true and not ${open}`;
      bindings.push(minute, minute);
    }
    return { sql, bindings };
  }

  async function byDistance(
    locale: string,
    filters: CenterFilters & { near: { lat: number; lng: number } },
    now: Date,
    after: { d: number; id: string } | null,
  ): Promise<Array<SearchRow & { distance: number }>> {
    const { lat, lng } = filters.near;
    const radius = filters.radiusKm ?? DEFAULT_RADIUS_KM;
    const box = boundingBox(lat, lng, radius);
    if (postgres()) {
      const where = filterSql(locale, filters, now);
      const n = filters.limit + 1;
      /**
       * The `n` nearest after the cursor within `km`: ids and distances from the covering
       * index (service_center_search_near_idx: no table row read), each distance computed
       * once (`offset 0` keeps the subquery whole). `gate`: scanned only when it holds.
       */
      const nearest = (km: number, gate = '') => {
        const area = boundingBox(lat, lng, km);
        return {
          sql: `select c.document_id, c.distance from (
              select s.document_id, 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
                power(sin(radians(s.lat - ?) / 2), 2) +
                cos(radians(?)) * cos(radians(s.lat)) * power(sin(radians(s.lng - ?) / 2), 2)))) as distance
                from ${SEARCH_TABLE} as s
               where ${where.sql} and s.lat between ? and ? and s.lng between ? and ?${gate}
              offset 0
            ) as c
            where c.distance <= ?${after ? ' and (c.distance > ? or (c.distance = ? and c.document_id collate "C" > ?))' : ''}
            order by c.distance asc, c.document_id collate "C" asc
            limit ?`,
          bindings: [
            lat,
            lat,
            lng,
            ...where.bindings,
            area.south,
            area.north,
            area.west,
            area.east,
            ...(gate ? [n] : []),
            km,
            ...(after ? [after.d, after.d, after.id] : []),
            n,
          ],
        };
      };
      // A wide radius holds many centers, and every one in its box costs a distance: first
      // the nearest within a quarter of it. When `n` are there, they are the page (anything
      // outside is farther than all of them) and the whole radius is never scanned; else the
      // whole radius is, as if the first step had not been.
      const near = radius > 10 ? nearest(radius / 4) : null;
      const all = nearest(radius, near ? ' and (select count(*) from near) < ?' : '');
      const page = near
        ? {
            sql: `near as materialized (${near.sql}), page as (
                select * from near where (select count(*) from near) >= ?
                union all (${all.sql}))`,
            bindings: [...near.bindings, n, ...all.bindings],
          }
        : { sql: `page as (${all.sql})`, bindings: all.bindings };
      // Then the page's `data` by primary key.
      const { rows } = (await knex().raw(
        `with ${page.sql}
         select p.document_id, r.sort_name, r.lat, r.lng, r.data, p.distance
           from page as p
           join ${SEARCH_TABLE} as r on r.document_id = p.document_id and r.locale = ?
          order by p.distance asc, p.document_id collate "C" asc`,
        [...page.bindings, locale] as Knex.RawBinding[],
      )) as { rows: Array<SearchRow & { distance: number | string }> };
      return rows.map((row) => ({ ...row, distance: Number(row.distance) }));
    }
    const inBox = filtered(locale, filters, now)
      .whereBetween('s.lat', [box.south, box.north])
      .whereBetween('s.lng', [box.west, box.east]);
    // SQLite has no trigonometry: the box in SQL, the distance and order here.
    const rows = (await inBox.select(
      's.document_id',
      's.sort_name',
      's.lat',
      's.lng',
      's.data',
    )) as SearchRow[];
    return rows
      .map((row) => ({ ...row, distance: haversineKm(lat, lng, Number(row.lat), Number(row.lng)) }))
      .filter((row) => row.distance <= radius)
      .filter(
        (row) =>
          !after ||
          row.distance > after.d ||
          (row.distance === after.d && row.document_id > after.id),
      )
      .sort((a, b) =>
        a.distance !== b.distance
          ? a.distance - b.distance
          : a.document_id < b.document_id
            ? -1
            : a.document_id > b.document_id
              ? 1
              : 0,
      )
      .slice(0, filters.limit + 1);
  }

  async function byName(
    locale: string,
    filters: CenterFilters,
    now: Date,
    after: { n: string; id: string } | null,
  ): Promise<SearchRow[]> {
    if (postgres()) {
      // The page's keys in name order from a covering index (service_center_search_by_name_idx,
      // or _district_idx with a district), the row comparison starting the scan at the
      // cursor; then the page's `data` by primary key.
      const where = filterSql(locale, filters, now);
      const keyset = after
        ? ' and (s.sort_name collate "C", s.document_id collate "C") > (?, ?)'
        : '';
      const { rows } = (await knex().raw(
        `with page as (
           select s.document_id, s.sort_name from ${SEARCH_TABLE} as s
            where ${where.sql}${keyset}
            order by s.sort_name collate "C" asc, s.document_id collate "C" asc
            limit ?
         )
         select p.document_id, p.sort_name, r.lat, r.lng, r.data
           from page as p
           join ${SEARCH_TABLE} as r on r.document_id = p.document_id and r.locale = ?
          order by p.sort_name collate "C" asc, p.document_id collate "C" asc`,
        [
          ...where.bindings,
          ...(after ? [after.n, after.id] : []),
          filters.limit + 1,
          locale,
        ] as Knex.RawBinding[],
      )) as { rows: SearchRow[] };
      return rows;
    }
    const query = filtered(locale, filters, now).select(
      's.document_id',
      's.sort_name',
      's.lat',
      's.lng',
      's.data',
    );
    if (after) {
      query.andWhere((where) =>
        where
          .where('s.sort_name', '>', after.n)
          .orWhere((tie) =>
            tie.where('s.sort_name', '=', after.n).andWhere('s.document_id', '>', after.id),
          ),
      );
    }
    return (await query
      .orderBy('s.sort_name', 'asc')
      .orderBy('s.document_id', 'asc')
      .limit(filters.limit + 1)) as SearchRow[];
  }

  return {
    /** A page of published centers of `locale`; `now` decides "open now". */
    async list(
      filters: CenterFilters,
      locale: string,
      now: Date = new Date(),
    ): Promise<Page<CenterSummary>> {
      if (filters.radiusKm !== undefined && !filters.near) {
        throw new InvalidField('radiusKm', 'is only allowed with near');
      }
      const names = await makeNames(locale);
      if (filters.make && !names.has(filters.make)) {
        throw new InvalidField('make', 'is not a make of the catalog');
      }
      const { cursor, near } = filters;
      const rows: SearchRow[] = near
        ? await byDistance(
            locale,
            { ...filters, near },
            now,
            cursor ? cursors.distance(cursor) : null,
          )
        : await byName(locale, filters, now, cursor ? cursors.name(cursor) : null);
      const pageRows = rows.slice(0, filters.limit);
      const last = pageRows.at(-1);
      const position = (row: SearchRow) =>
        filters.near
          ? { d: Number(row.distance), id: row.document_id }
          : { n: row.sort_name, id: row.document_id };
      return {
        data: await Promise.all(
          pageRows.map((row) =>
            summaryOf(
              JSON.parse(row.data) as StoredCenter,
              locale,
              names,
              now,
              filters.near ? Number(row.distance) : null,
            ),
          ),
        ),
        meta: {
          pagination: {
            limit: filters.limit,
            nextCursor: rows.length > filters.limit && last ? cursors.encode(position(last)) : null,
          },
        },
      };
    },

    /** One published center by document id or slug; unknown or unpublished is a 404. */
    async findOne(idOrSlug: string, locale: string, now: Date = new Date()): Promise<CenterDetail> {
      const row = (await knex()(SEARCH_TABLE)
        .where('locale', locale)
        .andWhere((where) => where.where('document_id', idOrSlug).orWhere('slug', idOrSlug))
        .first('data')) as { data: string } | undefined;
      if (!row) throw new NotFound('Service center not found');
      const data = JSON.parse(row.data) as StoredCenter;
      const summary = await summaryOf(data, locale, await makeNames(locale), now, null);
      return {
        ...summary,
        description: data.description,
        openingHours: data.hours,
        photos: await Promise.all(
          data.photos.map(async (photo) => ({
            url: (await media.urlsOf(photo.file)).url,
            alternativeText: photo.alternativeText,
          })),
        ),
      };
    },

    /** Summaries of published centers by document id, for lists that embed them. */
    async summaries(
      documentIds: string[],
      locale: string,
      now: Date = new Date(),
    ): Promise<Map<string, CenterSummary>> {
      if (documentIds.length === 0) return new Map();
      const rows = (await knex()(SEARCH_TABLE)
        .where('locale', locale)
        .whereIn('document_id', documentIds)
        .select('data')) as Array<{ data: string }>;
      const names = await makeNames(locale);
      const summaries = await Promise.all(
        rows.map((row) =>
          summaryOf(JSON.parse(row.data) as StoredCenter, locale, names, now, null),
        ),
      );
      return new Map(summaries.map((summary) => [summary.id, summary]));
    },

    /** Whether a published center has this document id. */
    async isPublished(documentId: string): Promise<boolean> {
      const row = await knex()(SEARCH_TABLE).where('document_id', documentId).first('document_id');
      return Boolean(row);
    },
  };
};
