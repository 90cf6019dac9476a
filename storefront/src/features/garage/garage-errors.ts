import type { CmsProblem } from '~/lib/cms-api';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';

/** Whether the CMS refused because the access token no longer signs anyone in. */
export function isUnauthorized(problem: CmsProblem): boolean {
  return problem.kind === 'rejected' && problem.status === 401;
}

/** Whether the CMS says the record does not exist (or belongs to another owner). */
export function isNotFound(problem: CmsProblem): boolean {
  return problem.kind === 'rejected' && problem.status === 404;
}

/**
 * Explains a refused vehicle save: a registration number the platform already has (409, in
 * any spelling) at the registration field; a validation error at the field the CMS names.
 */
export function vehicleError(problem: CmsProblem): FormError {
  if (problem.kind === 'rejected' && problem.status === 409) {
    return { field: 'registrationNumber', key: 'garage.errors.registrationTaken' };
  }
  return formErrorFor('vehicle', problem);
}

/** Explains a refused odometer reading; a lower one than the last is the common case. */
export function readingError(problem: CmsProblem): FormError {
  return formErrorFor('odometer', problem);
}

/** Explains a refused note, at the text area it was typed in. */
export function noteError(problem: CmsProblem, input: string): FormError {
  const error = formErrorFor('note', problem);
  return error.field === 'body' ? { ...error, field: input } : error;
}

/** Explains a photo that could not be deleted, at the photo gallery. */
export function photoDeleteError(problem: CmsProblem): FormError {
  return { ...formErrorFor('photos', problem), field: 'photos' };
}
