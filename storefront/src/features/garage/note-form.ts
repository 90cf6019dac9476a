import type { FormError } from '~/features/forms/form-errors';

export const NOTE_MAX_LENGTH = 4000;

/** The note text to send, or the error at `input` that keeps it from being sent. */
export function noteBody(text: string, input: string): { body: string } | { error: FormError } {
  const body = text.trim();
  if (body.length === 0 || body.length > NOTE_MAX_LENGTH) {
    return { error: { field: input, key: 'garage.errors.noteBody' } };
  }
  return { body };
}
