import { numberFormat } from '~/i18n/formats';
import { useTranslations, type Locale } from '~/i18n';
import { errorAt, type ShownError } from '~/features/forms/shown-errors';
import type { CatalogField, CatalogFieldsText, ModelChoice, SelectOption } from './catalog-fields';
import { FUELS, fuelName } from './vehicle-display';
import type { VehicleChoices, VehicleFormValues } from './vehicle-form';
const CATALOG_FIELDS: CatalogField[] = ['makeId', 'modelId', 'year', 'trimId', 'fuel'];

/** The catalog fields' texts in one language, for the island (which has no catalogs). */
export function catalogFieldsText(locale: Locale): CatalogFieldsText {
  const tr = useTranslations(locale);
  return {
    legend: tr('garage.form.catalogLegend'),
    hint: tr('garage.form.catalogHint'),
    make: tr('garage.fields.make'),
    model: tr('garage.fields.model'),
    year: tr('garage.fields.year'),
    trim: tr('garage.fields.trim'),
    fuel: tr('garage.fields.fuel'),
    optional: tr('fields.optional'),
    chooseMake: tr('garage.form.chooseMake'),
    chooseModel: tr('garage.form.chooseModel'),
    chooseYear: tr('garage.form.chooseYear'),
    chooseMakeFirst: tr('garage.form.chooseMakeFirst'),
    chooseModelFirst: tr('garage.form.chooseModelFirst'),
    notSure: tr('garage.form.notSure'),
    showModels: tr('garage.form.showModels'),
    showYears: tr('garage.form.showYears'),
    loading: tr('garage.form.loading'),
    modelsShown: tr('garage.form.modelsShown'),
    yearsShown: tr('garage.form.yearsShown'),
    loadFailed: tr('garage.form.loadFailed'),
    errorPrefix: tr('forms.errorPrefix'),
    fuels: Object.fromEntries(FUELS.map((fuel) => [fuel, fuelName(fuel, locale)])),
  };
}

const toOptions = (items: Array<{ id: string; name: string }>): SelectOption[] =>
  items.map((item) => ({ value: item.id, label: item.name }));

/** The island's props for a form state: options, chosen values and errors per select. */
export function catalogFieldsProps(
  locale: Locale,
  values: VehicleFormValues,
  choices: VehicleChoices,
  errors: ShownError[],
  focus?: 'modelId' | 'year',
) {
  const model: ModelChoice | undefined = choices.model && {
    id: choices.model.id,
    name: choices.model.name,
    yearFrom: choices.model.yearFrom,
    yearTo: choices.model.yearTo,
    fuelTypes: choices.model.fuelTypes,
    trims: choices.model.trims,
  };
  return {
    locale,
    numberingSystem: numberFormat(locale).resolvedOptions().numberingSystem,
    text: catalogFieldsText(locale),
    makes: toOptions(choices.makes),
    models: toOptions(choices.models),
    model,
    values: Object.fromEntries(CATALOG_FIELDS.map((field) => [field, values[field]])) as Record<
      CatalogField,
      string
    >,
    errors: Object.fromEntries(
      CATALOG_FIELDS.map((field) => [field, errorAt(errors, field)]).filter(
        ([, message]) => message,
      ),
    ) as Partial<Record<CatalogField, string>>,
    focus,
  };
}
