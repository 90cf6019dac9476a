import type { Core } from '@strapi/strapi';
import { NotFound } from '../../../lib/errors';
import { cachedRead } from '../../../lib/cache/cached-read';
import {
  createMediaUrls,
  STORED_FILE_FIELDS,
  type StoredFile,
} from '../../../lib/media/media-urls';

/** Catalog reads change only when an admin edits the catalog; writes clear this prefix. */
export const CATALOG_CACHE_PREFIX = 'catalog:';
const TTL_SECONDS = 60 * 60;

export interface MakeSummary {
  id: string;
  slug: string;
  name: string;
  country: string | null;
}

export interface ModelSummary {
  id: string;
  slug: string;
  name: string;
  vehicleType: string;
  fuelTypes: string[];
  yearFrom: number;
  yearTo: number | null;
  isEv: boolean;
}

export interface ModelDetail extends ModelSummary {
  make: MakeSummary;
  trims: Array<{ id: string; slug: string; name: string }>;
  defaultImageUrl: string | null;
  /** A smaller copy of the default image, for cards and lists. */
  defaultImageThumbnailUrl: string | null;
}

type Row = Record<string, unknown> & { documentId: string };

const makeSummary = (row: Row): MakeSummary => ({
  id: row.documentId,
  slug: row.slug as string,
  name: row.name as string,
  country: (row.country as string | null) ?? null,
});

const modelSummary = (row: Row): ModelSummary => ({
  id: row.documentId,
  slug: row.slug as string,
  name: row.name as string,
  vehicleType: row.vehicleType as string,
  fuelTypes: row.fuelTypes as string[],
  yearFrom: row.yearFrom as number,
  yearTo: (row.yearTo as number | null) ?? null,
  isEv: Boolean(row.isEv),
});

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Read side of the vehicle catalog, per locale, through the shared cache. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = createMediaUrls(strapi);
  const cached = <T>(key: string, load: () => Promise<T>, ttlSeconds = TTL_SECONDS) =>
    cachedRead(strapi, 'catalog', `${CATALOG_CACHE_PREFIX}${key}`, ttlSeconds, load);

  return {
    async makes(locale: string): Promise<MakeSummary[]> {
      return cached(`${locale}:makes`, async () => {
        const rows = (await strapi.documents('api::catalog.make').findMany({
          locale,
          fields: ['slug', 'name', 'country'],
          limit: -1,
        })) as Row[];
        return rows.map(makeSummary).sort(byName);
      });
    },

    async modelsOfMake(makeId: string, locale: string): Promise<ModelSummary[]> {
      return cached(`${locale}:make:${makeId}:models`, async () => {
        const make = await strapi
          .documents('api::catalog.make')
          .findOne({ documentId: makeId, locale, fields: ['slug'] });
        if (!make) throw new NotFound('Make not found');
        const rows = (await strapi.documents('api::catalog.model').findMany({
          locale,
          filters: { make: { documentId: makeId } },
          fields: ['slug', 'name', 'vehicleType', 'fuelTypes', 'yearFrom', 'yearTo', 'isEv'],
          limit: -1,
        })) as Row[];
        return rows.map(modelSummary).sort(byName);
      });
    },

    async model(modelId: string, locale: string): Promise<ModelDetail> {
      return cached(
        `${locale}:model:${modelId}`,
        async () => {
          const row = (await strapi.documents('api::catalog.model').findOne({
            documentId: modelId,
            locale,
            populate: {
              make: { fields: ['slug', 'name', 'country'] },
              trims: { fields: ['id', 'slug', 'name'] },
              defaultImage: { fields: [...STORED_FILE_FIELDS] },
            },
          })) as (Row & { make?: Row; trims?: Row[]; defaultImage?: StoredFile | null }) | null;
          if (!row || !row.make) throw new NotFound('Model not found');
          const image = row.defaultImage ? await media.urlsOf(row.defaultImage) : null;
          return {
            ...modelSummary(row),
            make: makeSummary(row.make),
            // Trims keep the catalog's order (e.g. Standard before ABS), not the alphabet's.
            trims: [...(row.trims ?? [])]
              .sort((a, b) => (a.id as number) - (b.id as number))
              .map((trim) => ({
                id: trim.documentId,
                slug: trim.slug as string,
                name: trim.name as string,
              })),
            defaultImageUrl: image?.url ?? null,
            defaultImageThumbnailUrl: image?.thumbnailUrl ?? null,
          };
        },
        // Not cached longer than its signed image URLs stay valid.
        media.cacheSeconds(TTL_SECONDS),
      );
    },
  };
};
