import type { Locale } from '~/i18n';
import type { CmsCallContext } from '~/lib/cms-api';
import { catalogApi } from './catalog-api.server';
import type { VehicleChoices, VehicleFormValues } from './vehicle-form';

/**
 * Loads the catalog options for the choices made so far: all makes, the models of the chosen
 * make, and the chosen model's details when it belongs to that make. Undefined when the
 * makes cannot be loaded (the form is useless without them); an unknown make or model id
 * simply offers nothing further.
 */
export async function loadVehicleChoices(
  values: Pick<VehicleFormValues, 'makeId' | 'modelId'>,
  locale: Locale,
  context: CmsCallContext,
): Promise<VehicleChoices | undefined> {
  const [makes, models, model] = await Promise.all([
    catalogApi.makes(locale, context),
    values.makeId ? catalogApi.modelsOfMake(values.makeId, locale, context) : undefined,
    values.makeId && values.modelId ? catalogApi.model(values.modelId, locale, context) : undefined,
  ]);
  if (!makes.ok) return undefined;
  const modelOfMake = model?.ok && model.data.make.id === values.makeId ? model.data : undefined;
  return { makes: makes.data, models: models?.ok ? models.data : [], model: modelOfMake };
}
