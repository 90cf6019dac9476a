// zod/v4: the OpenAPI document's request bodies are generated from these very schemas.
import { z } from 'zod/v4';
import { parseRegistrationNumber } from './rules/registration-number';
import { validateVin } from './rules/vin';
import { FUEL_TYPES } from '../catalog/catalog-data';

const documentId = z.string().trim().min(1).max(40);
/**
 * The earliest date an owner may give: the oldest model year the catalog takes (`year`), so a
 * typo such as 1900 for 2009 is caught rather than stored.
 */
export const EARLIEST_DATE = '1950-01-01';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `YYYY-MM-DD` names a day that exists: 2026-02-30 would roll over to March. */
const isCalendarDay = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

/**
 * The latest date an owner may give: tomorrow in UTC, which is today (never later) wherever
 * owners live ahead of UTC (Nepal is UTC+5:45) and the owner's own device clock says "today".
 */
export const latestDate = (now = Date.now()) => new Date(now + DAY_MS).toISOString().slice(0, 10);

/** Why a `YYYY-MM-DD` text is not a date an owner may give, or nothing when it is. */
function dateProblem(value: string): string | undefined {
  if (!isCalendarDay(value)) return 'must be a real date';
  if (value < EARLIEST_DATE) return `must be ${EARLIEST_DATE} or later`;
  if (value > latestDate()) return 'must not be in the future';
  return undefined;
}

// One message per refused date: the checks stop at the first that fails.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .superRefine((value, context) => {
    const problem = dateProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: `A real day from ${EARLIEST_DATE} to today (tomorrow in UTC at most), as YYYY-MM-DD`,
  });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const registrationNumber = z
  .string()
  .max(100)
  .transform((value, context) => {
    const parsed = parseRegistrationNumber(value);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed;
  });

const vin = z
  .string()
  .max(40)
  .transform((value, context) => {
    if (value.trim() === '') return null;
    const checked = validateVin(value);
    if ('error' in checked) {
      context.addIssue({ code: 'custom', message: checked.error });
      return z.NEVER;
    }
    return checked.vin;
  });

const vehicleFields = {
  makeId: documentId,
  modelId: documentId,
  trimId: documentId.nullable().optional(),
  year: z.number().int().min(1950).max(2100),
  registrationNumber,
  vin: vin.nullable().optional(),
  nickname: optionalText(60),
  colour: optionalText(40),
  fuel: z.enum(FUEL_TYPES).nullable().optional(),
  purchaseDate: isoDate.nullable().optional(),
  odometerKm: z.number().int().min(0).max(5_000_000).nullable().optional(),
};

/** What an owner sends to add a vehicle; anything else is a 400 naming the field. */
export const newVehicleInput = z.object(vehicleFields).strict();

/**
 * A change to a vehicle: any of the same fields. `odometerKm` lower than the last reading is
 * refused unless `odometerCorrection: true` says the last reading was wrong (as
 * `correction` on a reading); it is then recorded as a correction.
 */
export const vehicleChangeInput = z
  .object({ ...vehicleFields, odometerCorrection: z.boolean() })
  .partial()
  .strict();

export type NewVehicleInput = z.infer<typeof newVehicleInput>;
export type VehicleChangeInput = z.infer<typeof vehicleChangeInput>;

export const noteInput = z.object({ body: z.string().trim().min(1).max(4000) }).strict();

export const odometerInput = z
  .object({
    readingKm: z.number().int().min(0).max(5_000_000),
    readOn: isoDate.optional(),
    correction: z.boolean().default(false),
  })
  .strict();

export type OdometerInput = z.infer<typeof odometerInput>;
