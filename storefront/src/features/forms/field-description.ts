/**
 * The ids of a field's hint and error message, and what its input is described by: the hint,
 * then the error, whichever are shown.
 */
export function fieldDescription(id: string, hint?: string, error?: string) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}
