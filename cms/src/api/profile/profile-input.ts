// zod/v4: the OpenAPI document's request bodies are generated from these very schemas.
import { z } from 'zod/v4';
import { normalizeNepalMobile } from '../identity/rules/nepal-phone';

const phone = z
  .string()
  .trim()
  .max(32)
  .transform((value, context) => {
    if (value === '') return null;
    const normalized = normalizeNepalMobile(value);
    if (!normalized) {
      context.addIssue({
        code: 'custom',
        message: 'must be a Nepal mobile number, e.g. 98XXXXXXXX',
      });
      return z.NEVER;
    }
    return normalized;
  });

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)');

/**
 * When no SMS is sent (Nepal time; the window may wrap midnight, 21:00-07:00), or `null` for
 * none. Held messages go out when it ends.
 */
export const quietHoursInput = z
  .object({ start: clock, end: clock })
  .strict()
  .refine((value) => value.start !== value.end, {
    message: 'must differ from start',
    path: ['end'],
  });

/** The only fields an owner may change through `PUT /api/profile`; anything else is a 400. */
export const profileInput = z
  .object({
    displayName: z.string().trim().min(1, 'must not be empty').max(80).optional(),
    phone: phone.nullable().optional(),
    preferredLocale: z.string().trim().min(2).max(10).optional(),
    notificationChannels: z
      .object({ email: z.boolean().optional(), sms: z.boolean().optional() })
      .strict()
      .optional(),
    quietHours: quietHoursInput.nullable().optional(),
  })
  .strict();

export type ProfileInput = z.infer<typeof profileInput>;

/** Fields registration accepts besides username, email and password. */
export const registrationProfileInput = profileInput.pick({
  displayName: true,
  preferredLocale: true,
});
