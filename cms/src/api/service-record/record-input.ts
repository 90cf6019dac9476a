// zod/v4: the OpenAPI document's request bodies are generated from these very schemas.
import { z } from 'zod/v4';
import { SERVICE_KIND_CODES } from '../catalog/service-kinds';
import { LINE_ITEM_CATEGORIES } from './rules/line-items';

export const SERVICE_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Money is integer paisa (1 NPR = 100 paisa): exact sums, no floating point. */
const paisa = z
  .number()
  .int()
  .min(0)
  .max(1_000_000_000)
  .meta({ description: 'An amount in paisa (1 NPR = 100 paisa), an integer' });

const instant = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1950 && year <= 2100;
  }, 'must be between 1950 and 2100')
  .meta({ description: 'A date and time with its offset, e.g. 2026-12-05T10:30:00+05:45' });

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const lineItemInput = z
  .object({
    label: z.string().trim().min(1).max(120),
    category: z.enum(LINE_ITEM_CATEGORIES),
    quantity: z.number().positive().max(100_000),
    unitPricePaisa: paisa,
    amountPaisa: paisa.meta({ description: 'quantity × unitPricePaisa, rounded to the paisa' }),
  })
  .strict();

const lineItems = z
  .array(lineItemInput)
  .max(100)
  .meta({ description: "The bill's lines; their amountPaisa sum to costPaisa" });

const billFields = {
  costPaisa: paisa.nullable().optional(),
  lineItems: lineItems.optional(),
};

const odometerFields = {
  odometerKm: z.number().int().min(0).max(5_000_000).optional(),
  /** As on a vehicle: a reading lower than the last is refused unless this says it corrects. */
  odometerCorrection: z.boolean().optional(),
};

const describedFields = {
  kind: z.enum(SERVICE_KIND_CODES),
  kindLabel: text(120).meta({ description: 'Free text; required when kind is "other"' }),
  centerName: text(120),
  serviceCenter: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .meta({ description: 'A published service center’s id, or null for none' }),
  notes: text(4000),
};

/** A kind of `other` needs words saying what it was. */
const kindLabelRule = (
  value: { kind?: string; kindLabel?: string | null },
  context: z.RefinementCtx,
) => {
  if (value.kind === 'other' && !value.kindLabel) {
    context.addIssue({
      code: 'custom',
      path: ['kindLabel'],
      message: 'is required when kind is "other"',
    });
  }
};

/**
 * A new record: planned (`scheduled`, at `scheduledAt`) or already done (`completed`, at
 * `completedAt`, with the odometer and bill). An odometer reading belongs to a done service.
 */
export const newServiceRecordInput = z
  .object({
    vehicleId: z.string().trim().min(1).max(40),
    status: z.enum(['scheduled', 'completed']).default('scheduled'),
    scheduledAt: instant.optional(),
    completedAt: instant.optional(),
    ...describedFields,
    ...billFields,
    ...odometerFields,
  })
  .strict()
  .superRefine((value, context) => {
    kindLabelRule(value, context);
    if (value.status === 'scheduled') {
      if (!value.scheduledAt) {
        context.addIssue({
          code: 'custom',
          path: ['scheduledAt'],
          message: 'is required for a scheduled service',
        });
      }
      for (const field of ['completedAt', 'odometerKm', 'odometerCorrection'] as const) {
        if (value[field] !== undefined) {
          context.addIssue({
            code: 'custom',
            path: [field],
            message: 'is only for a completed service',
          });
        }
      }
    } else if (!value.completedAt) {
      context.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'is required for a completed service',
      });
    }
  });

/** A change: the fields a record's status still lets change (see rules/transitions.ts). */
export const serviceRecordChangeInput = z
  .object({
    scheduledAt: instant,
    ...describedFields,
    ...billFields,
  })
  .partial()
  .strict();

/** Completing a scheduled service: when, at what odometer, what it cost. */
export const completionInput = z
  .object({
    completedAt: instant,
    centerName: describedFields.centerName,
    serviceCenter: describedFields.serviceCenter,
    notes: describedFields.notes,
    ...billFields,
    ...odometerFields,
  })
  .strict();

export type NewServiceRecordInput = z.infer<typeof newServiceRecordInput>;
export type ServiceRecordChangeInput = z.infer<typeof serviceRecordChangeInput>;
export type CompletionInput = z.infer<typeof completionInput>;
export type LineItemInput = z.infer<typeof lineItemInput>;
