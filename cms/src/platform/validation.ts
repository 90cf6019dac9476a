import { errors } from '@strapi/utils';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';

/** Strapi's 400 for a zod failure: the message and every detail name the failing field. */
export function toValidationError(error: ZodError): InstanceType<typeof errors.ValidationError> {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
  }));
  const first = issues[0];
  const message = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'Invalid input';
  return new errors.ValidationError(message, { errors: issues });
}

/** Parses `input` or throws a 400 naming the field. */
export function parseOrThrow<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  input: unknown,
): Output {
  const result = schema.safeParse(input);
  if (!result.success) throw toValidationError(result.error);
  return result.data;
}
