// zod/v4: the OpenAPI document's request bodies are generated from these very schemas.
import { z } from 'zod/v4';
import { z as z3 } from 'zod';
import { SERVICE_KIND_CODES } from '../catalog/service-kinds';
import { latestDate } from '../vehicle/vehicle-input';
import { URGENCY_TIERS } from './rules/urgency';

const documentId = z.string().trim().min(1).max(40);

const isCalendarDay = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

/** A real day from 2000 to 2100: due dates lie ahead, completions and snoozes near today. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDay, { message: 'must be a real date', abort: true })
  .refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
    message: 'must be between 2000-01-01 and 2100-12-31',
  });

const km = z.number().int().min(0).max(5_000_000);

const reminderFields = {
  vehicleId: documentId.meta({ description: 'The id of one of your vehicles' }),
  kind: z.enum(SERVICE_KIND_CODES).meta({ description: 'A service kind of the catalogue' }),
  title: z.string().trim().min(1).max(120).nullable().optional(),
  dueDate: day.nullable().optional(),
  dueKm: km.nullable().optional(),
  everyMonths: z.number().int().min(1).max(120).nullable().optional(),
  everyKm: z.number().int().min(1).max(1_000_000).nullable().optional(),
  schedule: z
    .enum(['from-completion', 'fixed'])
    .meta({
      description:
        'from-completion: the next occurrence counts from the service; fixed: from the due point (renewals)',
    })
    .optional(),
  notifyDaysBefore: z.number().int().min(0).max(365).nullable().optional(),
  notifyKmBefore: z.number().int().min(0).max(100_000).nullable().optional(),
};

/**
 * A new reminder: of one of the owner's vehicles, due by `dueDate`, `dueKm` or both
 * (whichever comes first); recurring when `everyMonths` and/or `everyKm` is set.
 */
export const newReminderInput = z.object(reminderFields).strict();

/** A change to a reminder: any of the same fields but the vehicle. */
const { vehicleId: _vehicleId, ...changeFields } = reminderFields;
export const reminderChangeInput = z.object(changeFields).partial().strict();

export const snoozeInput = z
  .object({ until: day.meta({ description: 'Hidden until this day (Nepal time), after today' }) })
  .strict();

export const completeInput = z
  .object({
    date: day
      .refine((value) => value <= latestDate(), { message: 'must not be in the future' })
      .optional()
      .meta({ description: 'The day it was done; today when absent' }),
    odometerKm: km.optional().meta({
      description: "The odometer then; the vehicle's last reading when absent",
    }),
  })
  .strict();

export const fromTemplatesInput = z
  .object({
    templates: z
      .array(z.string().trim().min(1).max(40))
      .min(1)
      .max(20)
      .meta({ description: 'Codes of GET /reminder-templates for the vehicle' }),
  })
  .strict();

export type NewReminderInput = z.infer<typeof newReminderInput>;
export type ReminderChangeInput = z.infer<typeof reminderChangeInput>;
export type CompleteInput = z.infer<typeof completeInput>;

/** `GET /reminders` filters, beside `locale`, `limit` and `cursor`. */
export const reminderListQuery = {
  vehicle: z3.string().trim().min(1).max(40).optional(),
  status: z3.enum(['active', 'snoozed', 'dismissed', 'completed', 'all']).optional(),
  tier: z3.enum(URGENCY_TIERS).optional(),
};

/** `GET /reminder-templates` takes the vehicle whose type picks the templates. */
export const templateQuery = { vehicle: z3.string().trim().min(1).max(40) };
