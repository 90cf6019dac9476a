import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { isCalendarDate, parseWholeNumber } from '~/features/forms/numbers';
import type { CatalogMake, CatalogModel, CatalogModelDetail } from './catalog-api';
import type { Vehicle, VehiclePayload } from './vehicle-api';
import { yearOptions } from './year-options';

export const NICKNAME_MAX_LENGTH = 60;
export const COLOUR_MAX_LENGTH = 40;
export const REGISTRATION_MAX_LENGTH = 40;
export const VIN_LENGTH = 17;
/** The CMS's limit: no road vehicle goes this far, so a larger number is a typing slip. */
export const ODOMETER_MAX_KM = 5_000_000;

/** The add/edit vehicle form as typed, every field a string. */
export interface VehicleFormValues {
  makeId: string;
  modelId: string;
  year: string;
  trimId: string;
  registrationNumber: string;
  vin: string;
  nickname: string;
  colour: string;
  fuel: string;
  purchaseDate: string;
  odometerKm: string;
}

/** The catalog options the form offers for the values chosen so far. */
export interface VehicleChoices {
  makes: CatalogMake[];
  /** Models of the chosen make; empty until a make is chosen. */
  models: CatalogModel[];
  /** The chosen model with its trims; undefined until a model is chosen. */
  model?: CatalogModelDetail;
}

const FIELDS: Array<keyof VehicleFormValues> = [
  'makeId',
  'modelId',
  'year',
  'trimId',
  'registrationNumber',
  'vin',
  'nickname',
  'colour',
  'fuel',
  'purchaseDate',
  'odometerKm',
];

function formOf(valueOf: (field: keyof VehicleFormValues) => string): VehicleFormValues {
  const values = {} as VehicleFormValues;
  for (const field of FIELDS) values[field] = valueOf(field);
  return values;
}

/** A new vehicle's form; `?makeId=&modelId=` preselect the catalog choices. */
export function newVehicleForm(query: URLSearchParams): VehicleFormValues {
  return formOf((field) =>
    field === 'makeId' || field === 'modelId' ? (query.get(field) ?? '') : '',
  );
}

/** The form filled in from a stored vehicle. */
export function vehicleFormValues(vehicle: Vehicle): VehicleFormValues {
  return {
    makeId: vehicle.make.id,
    modelId: vehicle.model.id,
    year: String(vehicle.year),
    trimId: vehicle.trim?.id ?? '',
    registrationNumber: vehicle.registrationNumber,
    vin: vehicle.vin ?? '',
    nickname: vehicle.nickname ?? '',
    colour: vehicle.colour ?? '',
    fuel: vehicle.fuel ?? '',
    purchaseDate: vehicle.purchaseDate ?? '',
    odometerKm:
      vehicle.odometerKm === null || vehicle.odometerKm === undefined
        ? ''
        : String(vehicle.odometerKm),
  };
}

/** The form as the owner submitted it. */
export function readVehicleForm(form: FormFields): VehicleFormValues {
  return formOf((field) => form.text(field));
}

/**
 * Drops catalog choices that no longer fit the ones before them, e.g. the model after the
 * make changed, so the form never offers a combination the CMS would refuse.
 */
export function fitChoices(values: VehicleFormValues, choices: VehicleChoices): VehicleFormValues {
  const make = choices.makes.some((option) => option.id === values.makeId) ? values.makeId : '';
  const modelFits = make !== '' && choices.models.some((option) => option.id === values.modelId);
  const model = modelFits && choices.model?.id === values.modelId ? choices.model : undefined;
  const years = model ? yearOptions(model).map(String) : [];
  return {
    ...values,
    makeId: make,
    modelId: modelFits ? values.modelId : '',
    year: years.includes(values.year) ? values.year : '',
    trimId: model?.trims.some((trim) => trim.id === values.trimId) ? values.trimId : '',
    fuel: model?.fuelTypes.includes(values.fuel) ? values.fuel : '',
  };
}

function catalogErrors(values: VehicleFormValues, choices: VehicleChoices): FormError[] {
  const fitted = fitChoices(values, choices);
  const errors: FormError[] = [];
  if (!fitted.makeId) errors.push({ field: 'makeId', key: 'garage.errors.makeId' });
  else if (!fitted.modelId) errors.push({ field: 'modelId', key: 'garage.errors.modelId' });
  else if (!fitted.year) errors.push({ field: 'year', key: 'garage.errors.year' });
  if (values.trimId && fitted.modelId && !fitted.trimId) {
    errors.push({ field: 'trimId', key: 'garage.errors.trimId' });
  }
  if (values.fuel && fitted.modelId && !fitted.fuel) {
    errors.push({ field: 'fuel', key: 'garage.errors.fuel' });
  }
  return errors;
}

function registrationErrors(registrationNumber: string): FormError[] {
  if (!registrationNumber) {
    return [{ field: 'registrationNumber', key: 'garage.errors.registrationRequired' }];
  }
  return registrationNumber.length > REGISTRATION_MAX_LENGTH
    ? [{ field: 'registrationNumber', key: 'garage.errors.registrationNumber' }]
    : [];
}

/** A light VIN check (length and letters); the CMS also checks the check digit. */
export function isVinShaped(vin: string): boolean {
  return new RegExp(`^[A-HJ-NPR-Z0-9]{${VIN_LENGTH}}$`).test(vin.toUpperCase());
}

/** The earliest purchase or reading date the CMS takes (its EARLIEST_DATE). */
export const EARLIEST_DATE = '1950-01-01';

/**
 * Whether a `YYYY-MM-DD` text is a real day from EARLIEST_DATE to `today` (also
 * `YYYY-MM-DD`, in Nepal), as the CMS checks it.
 */
export function isDateUpToToday(date: string, today: string): boolean {
  return isCalendarDate(date) && date >= EARLIEST_DATE && date <= today;
}

function detailErrors(values: VehicleFormValues, today: string, creating: boolean): FormError[] {
  const errors: FormError[] = [];
  const add = (field: keyof VehicleFormValues, failed: boolean) => {
    if (failed) errors.push({ field, key: `garage.errors.${field}` as FormError['key'] });
  };
  add('vin', values.vin !== '' && !isVinShaped(values.vin));
  add('nickname', values.nickname.length > NICKNAME_MAX_LENGTH);
  add('colour', values.colour.length > COLOUR_MAX_LENGTH);
  add('purchaseDate', values.purchaseDate !== '' && !isDateUpToToday(values.purchaseDate, today));
  const km = parseWholeNumber(values.odometerKm);
  add(
    'odometerKm',
    creating && values.odometerKm !== '' && (km === undefined || km > ODOMETER_MAX_KM),
  );
  return errors;
}

/**
 * What is wrong with a submitted vehicle before it goes to the CMS, in form order. The CMS
 * still decides on the registration number's format and the VIN's check digit.
 */
export function validateVehicleForm(
  values: VehicleFormValues,
  choices: VehicleChoices,
  { today, creating }: { today: string; creating: boolean },
): FormError[] {
  return [
    ...catalogErrors(values, choices),
    ...registrationErrors(values.registrationNumber),
    ...detailErrors(values, today, creating),
  ];
}

/**
 * The body for the CMS. A new vehicle leaves out what the owner left empty; a change sends
 * null for an emptied field, so it is cleared. The odometer is only set when a vehicle is
 * added: later readings go through the odometer form, which keeps its history.
 */
export function vehiclePayload(values: VehicleFormValues, creating: boolean): VehiclePayload {
  const optional = (value: string) => (value === '' ? (creating ? undefined : null) : value);
  const payload: VehiclePayload = {
    makeId: values.makeId,
    modelId: values.modelId,
    year: Number(values.year),
    registrationNumber: values.registrationNumber,
    trimId: optional(values.trimId),
    vin: optional(values.vin.toUpperCase()),
    nickname: optional(values.nickname),
    colour: optional(values.colour),
    fuel: optional(values.fuel),
    purchaseDate: optional(values.purchaseDate),
    odometerKm: creating ? parseWholeNumber(values.odometerKm) : undefined,
  };
  return Object.fromEntries(
    Object.entries(payload).filter(([, value]) => value !== undefined),
  ) as VehiclePayload;
}
