import { numberFormat as reusedNumberFormat } from '~/i18n/formats';
import type { CatalogModelDetail } from './catalog-api';
import { yearOptions } from './year-options';
import { ownProperty } from '~/lib/own-property';

/** The `intent`s of the buttons that only narrow the catalog choices (used without JavaScript). */
export const CHOOSE_MAKE = 'choose-make';
export const CHOOSE_MODEL = 'choose-model';

/** The form fields the catalog decides the options of. */
export type CatalogField = 'makeId' | 'modelId' | 'year' | 'trimId' | 'fuel';

/** One `<option>`. */
export interface SelectOption {
  value: string;
  label: string;
}

/** The parts of a catalog model the form needs (what the portal's catalog endpoint returns). */
export type ModelChoice = Pick<
  CatalogModelDetail,
  'id' | 'name' | 'yearFrom' | 'yearTo' | 'fuelTypes' | 'trims'
>;

/** The texts of the catalog fields, already in the page's language. */
export interface CatalogFieldsText {
  legend: string;
  hint: string;
  make: string;
  model: string;
  year: string;
  trim: string;
  fuel: string;
  optional: string;
  chooseMake: string;
  chooseModel: string;
  chooseYear: string;
  chooseMakeFirst: string;
  chooseModelFirst: string;
  notSure: string;
  showModels: string;
  showYears: string;
  loading: string;
  /** With a `{count}` placeholder. */
  modelsShown: string;
  /** With a `{model}` placeholder. */
  yearsShown: string;
  loadFailed: string;
  errorPrefix: string;
  /** Fuel names by catalog value. */
  fuels: Record<string, string>;
}

/**
 * A number format in the page's digits. The numbering system is given, not left to the
 * locale: browsers without Nepali locale data would write Latin digits where the server
 * wrote Devanagari ones, and hydration would not match.
 */
export function numberFormat(
  locale: string,
  numberingSystem: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return reusedNumberFormat(locale, { ...options, numberingSystem });
}

/** The options of the year, trim and fuel selects for a chosen model. */
export function modelOptions(
  model: ModelChoice | undefined,
  yearFormat: Intl.NumberFormat,
  fuelNames: Record<string, string>,
  now = new Date(),
): { years: SelectOption[]; trims: SelectOption[]; fuels: SelectOption[] } {
  if (!model) return { years: [], trims: [], fuels: [] };
  return {
    years: yearOptions(model, now).map((year) => ({
      value: String(year),
      label: yearFormat.format(year),
    })),
    trims: model.trims.map((trim) => ({ value: trim.id, label: trim.name })),
    fuels: model.fuelTypes.map((fuel) => ({
      value: fuel,
      label: ownProperty(fuelNames, fuel) ?? fuel,
    })),
  };
}
