import type { Core } from '@strapi/strapi';
import { foldName } from '@motorghar/nepal';
import { configuredLocales } from '../../../lib/locales';
import type { StoredFile } from '../../../lib/media/media-urls';
import type { StoredCenter } from '../center-data';
import { clockOf, type DayHours } from '../rules/hours';
import { recordSearchChange, SEARCH_TABLE, SERVICE_CENTER_UID } from '../storage';

interface CenterRow {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  name: string;
  description: string | null;
  address: string;
  city: string | null;
  district: string;
  province: string | null;
  latitude: number | string | null;
  longitude: number | string | null;
  phone: string | null;
  sampleData: boolean | null;
  openingHours?: Array<{ day: DayHours['day']; opens: string; closes: string }>;
  services?: Array<{ kind: string }>;
  makes?: Array<{ documentId: string }>;
  photos?: Array<StoredFile & { alternativeText?: string | null }>;
}

const POPULATE = {
  openingHours: true,
  services: true,
  makes: { select: ['documentId'] },
  photos: true,
} as const;

const coordinate = (value: number | string | null) =>
  value === null || value === undefined || value === '' ? null : Number(value);

function stored(row: CenterRow): StoredCenter {
  return {
    id: row.documentId,
    slug: row.slug,
    name: row.name,
    description: row.description ?? null,
    address: row.address,
    city: row.city ?? null,
    district: row.district,
    province: row.province ?? '',
    lat: coordinate(row.latitude),
    lng: coordinate(row.longitude),
    phone: row.phone ?? null,
    services: [...new Set((row.services ?? []).map((service) => service.kind))],
    makes: [...new Set((row.makes ?? []).map((make) => make.documentId))],
    photos: (row.photos ?? []).map((photo) => ({
      file: {
        url: photo.url,
        hash: photo.hash,
        ext: photo.ext,
        provider: photo.provider,
        formats: photo.formats,
      },
      alternativeText: photo.alternativeText ?? null,
    })),
    hours: (row.openingHours ?? []).map((entry) => ({
      day: entry.day,
      opens: clockOf(entry.opens),
      closes: clockOf(entry.closes),
    })),
    sample: Boolean(row.sampleData),
  };
}

const list = (values: string[]) => `,${values.join(',')},`;

/**
 * Keeps the finder's search table in step with the published centers. `sync` rewrites one
 * center's rows (after any write to it); `rebuild` rewrites them all (at boot, when the
 * table and the published rows disagree).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The rows a document's published localizations give, per configured locale. */
  async function rowsOf(published: CenterRow[]) {
    const { codes, defaultCode } = await configuredLocales(strapi);
    const byLocale = new Map(published.map((row) => [row.locale, row]));
    const fallback = byLocale.get(defaultCode);
    const search: Record<string, unknown>[] = [];
    for (const locale of codes) {
      const row = byLocale.get(locale) ?? fallback;
      if (!row) continue;
      const data = stored(row);
      search.push({
        document_id: data.id,
        locale,
        slug: data.slug,
        lat: data.lat,
        lng: data.lng,
        district: data.district,
        sort_name: (foldName(data.name) || data.name.toLocaleLowerCase()).slice(0, 80),
        services: list(data.services),
        makes: list(data.makes),
        has_hours: data.hours.length > 0,
        data: JSON.stringify(data),
      });
    }
    return search;
  }

  /**
   * Rewrites the rows of `documentIds` from `published`, in one transaction; `record`: with
   * a new version naming them (a rebuild records one for all at its end instead).
   */
  async function write(documentIds: string[], published: CenterRow[], record = true) {
    const byDocument = new Map<string, CenterRow[]>();
    for (const row of published) {
      byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    }
    const search: Record<string, unknown>[] = [];
    for (const rows of byDocument.values()) search.push(...(await rowsOf(rows)));
    await strapi.db.transaction(async (context) => {
      const { trx } = context;
      for (let start = 0; start < documentIds.length; start += 500) {
        await trx(SEARCH_TABLE)
          .whereIn('document_id', documentIds.slice(start, start + 500))
          .delete();
      }
      for (let start = 0; start < search.length; start += 200) {
        await trx(SEARCH_TABLE).insert(search.slice(start, start + 200));
      }
      if (record) await recordSearchChange(strapi, context, documentIds);
    });
  }

  const publishedRows = (where: Record<string, unknown>, offset?: number, limit?: number) =>
    strapi.db.query(SERVICE_CENTER_UID).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      populate: POPULATE,
      orderBy: [{ id: 'asc' }],
      ...(limit === undefined ? {} : { offset, limit }),
    }) as Promise<CenterRow[]>;

  return {
    /** Rewrites one center's rows from its published localizations (none: it leaves). */
    async sync(documentId: string): Promise<void> {
      await write([documentId], await publishedRows({ documentId }));
    },

    /** Rewrites every center's rows. */
    async rebuild(): Promise<number> {
      const knex = strapi.db.connection;
      await knex(SEARCH_TABLE).delete();
      let count = 0;
      for (let offset = 0; ; offset += 500) {
        const rows = await publishedRows({}, offset, 500);
        if (rows.length === 0) break;
        const ids = [...new Set(rows.map((row) => row.documentId))];
        // A document's localizations may straddle two batches: take all of them at once.
        const all = await publishedRows({ documentId: { $in: ids } });
        await write(ids, all, false);
        count += ids.length;
      }
      // Every instance reloads the whole table.
      await strapi.db.transaction((context) => recordSearchChange(strapi, context, null));
      return count;
    },

    /**
     * True when the table holds other documents than the published centers (data written
     * past the Document Service: a restore, an import, a bench seeding in bulk).
     */
    async stale(): Promise<boolean> {
      const knex = strapi.db.connection;
      const [published] = await knex('service_centers')
        .whereNotNull('published_at')
        .countDistinct({ count: 'document_id' });
      const [indexed] = await knex(SEARCH_TABLE).countDistinct({ count: 'document_id' });
      return Number(published.count) !== Number(indexed.count);
    },
  };
};
