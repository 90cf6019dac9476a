import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { loadEnv } from '../../../lib/env';
import { InvalidField, NotFound } from '../../../lib/errors';
import { createMediaUrls } from '../../../lib/media/media-urls';
import type { Page } from '../../../lib/pagination';
import { getCatalogService } from '../../catalog/services';
import {
  placeNames,
  type CenterDetail,
  type CenterSummary,
  type StoredCenter,
} from '../center-data';
import { createCenterCursorCodec } from '../center-cursor';
import { DEFAULT_RADIUS_KM, type CenterFilters } from '../center-query';
import { FinderIndex, type FinderEntry, type FinderFilters, type FinderRow } from '../finder-index';
import { isOpenAtMinute, nepalWeekMinute } from '../rules/hours';
import {
  onSearchChange,
  SEARCH_CHANGES_TABLE,
  SEARCH_TABLE,
  SEARCH_VERSION_TABLE,
} from '../storage';

/** How often an instance asks whether another one changed the search table. */
export const FINDER_CHECK_MS = 1_000;
const LOAD_PAGE = 2_000;

interface SearchRow {
  document_id: string;
  locale: string;
  sort_name: string;
  data: string;
}

const finderRow = (row: SearchRow): FinderRow => ({
  documentId: row.document_id,
  locale: row.locale,
  sortName: row.sort_name,
  data: JSON.parse(row.data) as StoredCenter,
});

/**
 * The finder's reads: published centers by distance or name with filters, one center, and
 * the short references other domains embed, answered from the finder in memory; the search
 * table (storage.ts) is where it comes from.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cursors = createCenterCursorCodec(`service-centers:${loadEnv().appKeys[0]}`);
  const media = createMediaUrls(strapi);
  const knex = () => strapi.db.connection as unknown as Knex;

  // The catalog's make names by id, per locale, kept in this process (catalog-names.ts):
  // every finder request needs them (names in the answer, the `make` filter checked).
  const makeNames = async (locale: string) =>
    (await getCatalogService(strapi, 'catalog-names').of(locale)).makes;

  // A district's and its province's names per locale: the same few dozen in every answer.
  const places = new Map<string, ReturnType<typeof placeNames>>();
  const placesOf = (district: string, locale: string) => {
    const key = `${locale}:${district}`;
    let names = places.get(key);
    if (!names) {
      names = placeNames(district, locale);
      places.set(key, names);
    }
    return names;
  };

  /** A center as lists show it; `minute` (nepalWeekMinute) decides "open now". */
  async function summaryOf(
    { data, intervals }: FinderEntry,
    locale: string,
    names: Map<string, string>,
    minute: number,
    distanceKm: number | null,
  ): Promise<CenterSummary> {
    const first = data.photos[0];
    return {
      id: data.id,
      slug: data.slug,
      name: data.name,
      address: data.address,
      city: data.city,
      ...placesOf(data.district, locale),
      location: data.lat === null || data.lng === null ? null : { lat: data.lat, lng: data.lng },
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      phone: data.phone,
      openNow: isOpenAtMinute(intervals, minute),
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

  // The finder in memory (finder-index.ts), loaded from the search table, the source of
  // truth. A write in this process has it read the changes on the next request (its commit
  // calls the onSearchChange listener); another instance's within FINDER_CHECK_MS, when this
  // one next reads the table's version. Only the documents a version names are read again;
  // a rebuild, or more versions behind than the changes table keeps, reads everything.
  const finder = {
    index: null as FinderIndex | null,
    version: -1,
    stale: true,
    checkAfter: 0,
    refreshing: null as Promise<void> | null,
  };
  onSearchChange(strapi, () => {
    finder.stale = true;
  });

  const readVersion = async () => {
    const row = (await knex()(SEARCH_VERSION_TABLE).where('id', 1).first('version')) as
      | { version: number | string }
      | undefined;
    return Number(row?.version ?? 0);
  };

  async function rowsOf(documentIds: string[]): Promise<FinderRow[]> {
    const rows: FinderRow[] = [];
    for (let start = 0; start < documentIds.length; start += 500) {
      const chunk = (await knex()(SEARCH_TABLE)
        .whereIn('document_id', documentIds.slice(start, start + 500))
        .select('document_id', 'locale', 'sort_name', 'data')) as SearchRow[];
      rows.push(...chunk.map(finderRow));
    }
    return rows;
  }

  async function loadAll(): Promise<FinderIndex> {
    const index = new FinderIndex();
    let after: { id: string; locale: string } | null = null;
    for (;;) {
      const query = knex()(SEARCH_TABLE)
        .select('document_id', 'locale', 'sort_name', 'data')
        .orderBy([
          { column: 'document_id', order: 'asc' },
          { column: 'locale', order: 'asc' },
        ])
        .limit(LOAD_PAGE);
      if (after) {
        const { id, locale } = after;
        query.where((where) =>
          where
            .where('document_id', '>', id)
            .orWhere((tie) => tie.where('document_id', id).andWhere('locale', '>', locale)),
        );
      }
      const page = (await query) as SearchRow[];
      index.replace([], page.map(finderRow));
      if (page.length < LOAD_PAGE) return index;
      const last = page[page.length - 1];
      after = { id: last.document_id, locale: last.locale };
    }
  }

  async function refresh(): Promise<void> {
    finder.stale = false;
    finder.checkAfter = Date.now() + FINDER_CHECK_MS;
    const version = await readVersion();
    if (finder.index && version === finder.version) return;
    if (finder.index && version > finder.version) {
      const changes = (await knex()(SEARCH_CHANGES_TABLE)
        .where('version', '>', finder.version)
        .andWhere('version', '<=', version)
        .select('version', 'document_id')) as Array<{
        version: number | string;
        document_id: string | null;
      }>;
      const versions = new Set(changes.map((change) => Number(change.version)));
      const complete =
        versions.size === version - finder.version &&
        changes.every((change) => change.document_id !== null);
      if (complete) {
        const ids = [...new Set(changes.map((change) => change.document_id as string))];
        finder.index.replace(ids, await rowsOf(ids));
        finder.version = version;
        return;
      }
    }
    // First read, a rebuild, too far behind, or a table that went back (restored).
    finder.index = await loadAll();
    finder.version = version;
  }

  /** The finder, current as of this instance's last committed write and the last check. */
  async function current(): Promise<FinderIndex> {
    while (!finder.index || finder.stale || Date.now() >= finder.checkAfter) {
      finder.refreshing ??= refresh()
        .catch((error: Error) => {
          // Answer from what is held, if anything; the next check after FINDER_CHECK_MS.
          if (!finder.index) throw error;
          strapi.log.warn('service-center finder not refreshed', { error: error.message });
        })
        .finally(() => {
          finder.refreshing = null;
        });
      await finder.refreshing;
    }
    return finder.index;
  }

  return {
    /** Loads the finder (at boot, so the first requests do not wait for it). */
    async warm(): Promise<void> {
      await current();
    },

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
      const { cursor, near, limit } = filters;
      const index = await current();
      // What the filters ask beside distance, "open now" at a minute of Nepal's week.
      const minute = nepalWeekMinute(now);
      const wanted: FinderFilters = { ...filters, minute };
      // One more than the page: whether there is a next one.
      const rows: Array<{ entry: FinderEntry; distance: number | null }> = near
        ? index.near(
            locale,
            near,
            filters.radiusKm ?? DEFAULT_RADIUS_KM,
            wanted,
            cursor ? cursors.distance(cursor) : null,
            limit + 1,
          )
        : index
            .byName(locale, wanted, cursor ? cursors.name(cursor) : null, limit + 1)
            .map((entry) => ({ entry, distance: null }));
      const pageRows = rows.slice(0, limit);
      const last = pageRows.at(-1);
      const position = ({ entry, distance }: { entry: FinderEntry; distance: number | null }) =>
        distance === null ? { n: entry.sortName, id: entry.id } : { d: distance, id: entry.id };
      return {
        data: await Promise.all(
          pageRows.map(({ entry, distance }) => summaryOf(entry, locale, names, minute, distance)),
        ),
        meta: {
          pagination: {
            limit,
            nextCursor: rows.length > limit && last ? cursors.encode(position(last)) : null,
          },
        },
      };
    },

    /** One published center by document id or slug; unknown or unpublished is a 404. */
    async findOne(idOrSlug: string, locale: string, now: Date = new Date()): Promise<CenterDetail> {
      const entry = (await current()).find(locale, idOrSlug);
      if (!entry) throw new NotFound('Service center not found');
      const { data } = entry;
      const names = await makeNames(locale);
      const summary = await summaryOf(entry, locale, names, nepalWeekMinute(now), null);
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
      const index = await current();
      const names = await makeNames(locale);
      const minute = nepalWeekMinute(now);
      const found = [...new Set(documentIds)]
        .map((id) => index.get(locale, id))
        .filter((entry): entry is FinderEntry => entry !== undefined);
      const summaries = await Promise.all(
        found.map((entry) => summaryOf(entry, locale, names, minute, null)),
      );
      return new Map(summaries.map((summary) => [summary.id, summary]));
    },

    /**
     * Whether a published center has this document id: from the table, not the finder, as
     * writes that point at a center (a service record) must not trust a copy a second old.
     */
    async isPublished(documentId: string): Promise<boolean> {
      const row = await knex()(SEARCH_TABLE).where('document_id', documentId).first('document_id');
      return Boolean(row);
    },
  };
};
