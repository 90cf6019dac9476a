import type { Core } from '@strapi/strapi';
import { contentDigest } from '../../../lib/cache/digest';
import { keptInProcess } from '../../../lib/cache/kept-in-process';
import { catalogGeneration } from '../cache-invalidation';

/** How long an instance keeps the names when another instance may change the catalog. */
export const CATALOG_NAMES_TTL_MS = 10_000;

/** The catalog's names in one language, by document id. */
export interface CatalogNames {
  makes: Map<string, string>;
  /** Each model's name and its make's. */
  models: Map<string, { name: string; makeName: string }>;
}

type NameRow = { documentId: string; name: string };

/**
 * The catalog's make and model names per locale, kept in this process: the finder names the
 * makes of every center it lists, and an owner's recalls name each recall's make and model
 * and each vehicle. Asking the shared cache for them was a round trip and a parse per name
 * on every request. A catalog write in this process drops them at once (catalogGeneration);
 * another instance's write reaches this one within CATALOG_NAMES_TTL_MS. The names are read
 * as the catalog's other reads read them (the Document Service's default version).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = keptInProcess(
    async (locale): Promise<CatalogNames> => {
      const [makes, models] = await Promise.all([
        strapi.documents('api::catalog.make').findMany({
          locale,
          fields: ['name'],
          limit: -1,
        }) as Promise<NameRow[]>,
        strapi.documents('api::catalog.model').findMany({
          locale,
          fields: ['name'],
          populate: { make: { fields: ['name'] } },
          limit: -1,
        }) as Promise<Array<NameRow & { make?: NameRow | null }>>,
      ]);
      return {
        makes: new Map(makes.map((make) => [make.documentId, make.name])),
        models: new Map(
          models
            .filter((model) => model.make)
            .map((model) => [model.documentId, { name: model.name, makeName: model.make!.name }]),
        ),
      };
    },
    { ttlMs: CATALOG_NAMES_TTL_MS, generation: () => catalogGeneration(strapi) },
  );

  return {
    /** The names in `locale`, read once per catalog write (or TTL) in this process. */
    of: (locale: string): Promise<CatalogNames> => names(locale),

    /** A digest of the names in `locale` as this instance reads them; moves when one changes. */
    fingerprint: async (locale: string): Promise<string> => contentDigest(await names(locale)),
  };
};
