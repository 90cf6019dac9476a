import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../../lib/errors';
import type { ModelDetail } from '../../catalog/services/catalog';
import { catalogModelOrNull } from '../catalog-model';

export interface CatalogChoice {
  makeId: string;
  modelId: string;
  trimId?: string | null;
  year: number;
  fuel?: string | null;
}

/** What the catalog allows a vehicle to be: make → model → trim → year → fuel. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Checks the chain against the catalog; a 400 names the first field that breaks it. */
  async check(choice: CatalogChoice): Promise<ModelDetail> {
    const model = await catalogModelOrNull(strapi, choice.modelId, 'en');
    if (!model) throw new InvalidField('modelId', 'is not a model of the catalog');
    if (model.make.id !== choice.makeId)
      throw new InvalidField('modelId', 'does not belong to that make');
    if (choice.trimId && !model.trims.some((trim) => trim.id === choice.trimId)) {
      throw new InvalidField('trimId', 'is not a trim of that model');
    }
    const currentYear = new Date().getFullYear();
    if (choice.year > currentYear) throw new InvalidField('year', 'must not be in the future');
    const lastYear = Math.min(model.yearTo ?? currentYear, currentYear);
    if (choice.year < model.yearFrom || choice.year > lastYear) {
      throw new InvalidField(
        'year',
        `must be between ${model.yearFrom} and ${lastYear} for this model`,
      );
    }
    if (choice.fuel && !model.fuelTypes.includes(choice.fuel)) {
      throw new InvalidField('fuel', `must be one of ${model.fuelTypes.join(', ')} for this model`);
    }
    return model;
  },
});
