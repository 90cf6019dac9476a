import type { Core, Modules } from '@strapi/strapi';
import { clearable, type ClearableInput } from '../../../lib/documents';
import type { CatalogMake, CatalogModel } from '../catalog-data';

type Localized = { name: Record<string, string> };

export interface SeedReport {
  created: { makes: number; models: number; trims: number; localizations: number };
}

type CatalogUid = 'api::catalog.make' | 'api::catalog.model' | 'api::catalog.trim';

const COUNTER: Record<CatalogUid, keyof SeedReport['created']> = {
  'api::catalog.make': 'makes',
  'api::catalog.model': 'models',
  'api::catalog.trim': 'trims',
};

/**
 * Loads the catalog idempotently, keyed by slug: creates what is missing, in every
 * locale the data has, and never changes an existing entry, so a name an admin edited
 * in the panel stays as the admin left it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function ensureDocument<Uid extends CatalogUid>(
    report: SeedReport,
    uid: Uid,
    filters: Modules.Documents.Params.Filters.Any<Uid>,
    entry: Localized,
    /** The entry's data in one locale, its name in that locale included. */
    dataIn: (name: string) => ClearableInput<Uid>,
  ): Promise<string> {
    const documents = strapi.documents(uid);
    const [defaultLocale, ...otherLocales] = Object.keys(entry.name);
    const existing = await documents.findFirst({
      locale: defaultLocale,
      filters,
      fields: ['documentId'],
    });
    let documentId = existing?.documentId;
    if (!documentId) {
      const created = await documents.create({
        locale: defaultLocale,
        data: clearable(uid, dataIn(entry.name[defaultLocale])),
      });
      documentId = created.documentId;
      report.created[COUNTER[uid]] += 1;
    }
    for (const locale of otherLocales) {
      const localized = await documents.findOne({ documentId, locale, fields: ['documentId'] });
      if (!localized) {
        await documents.update({
          documentId,
          locale,
          data: clearable(uid, dataIn(entry.name[locale])),
        });
        report.created.localizations += 1;
      }
    }
    return documentId;
  }

  async function seedModel(report: SeedReport, makeId: string, model: CatalogModel): Promise<void> {
    const modelId = await ensureDocument(
      report,
      'api::catalog.model',
      { slug: model.slug, make: { documentId: makeId } },
      model,
      (name) => ({
        name,
        slug: model.slug,
        make: makeId,
        vehicleType: model.vehicleType,
        fuelTypes: model.fuelTypes,
        yearFrom: model.yearFrom,
        yearTo: model.yearTo,
        isEv: model.isEv,
      }),
    );
    for (const trim of model.trims) {
      await ensureDocument(
        report,
        'api::catalog.trim',
        { slug: trim.slug, model: { documentId: modelId } },
        trim,
        (name) => ({ name, slug: trim.slug, model: modelId }),
      );
    }
  }

  async function seedMake(report: SeedReport, make: CatalogMake): Promise<void> {
    const makeId = await ensureDocument(
      report,
      'api::catalog.make',
      { slug: make.slug },
      make,
      (name) => ({
        name,
        slug: make.slug,
        country: make.country,
      }),
    );
    for (const model of make.models) await seedModel(report, makeId, model);
  }

  return {
    async seed(catalog: CatalogMake[]): Promise<SeedReport> {
      const report: SeedReport = { created: { makes: 0, models: 0, trims: 0, localizations: 0 } };
      // One transaction per make: all of a make or none of it, and far fewer commits.
      for (const make of catalog) {
        await strapi.db.transaction(() => seedMake(report, make));
      }
      return report;
    },
  };
};
