/** An owner's quiet hours: no SMS between `start` and `end`, Nepal time (may wrap midnight). */
export interface QuietHours {
  start: string;
  end: string;
}

/** Quiet hours of an owner who never chose: the platform's (no SMS 21:00-07:00). */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '07:00' };

/**
 * The stored column: `HH:MM-HH:MM`, `none`, or null (never chosen). `undefined` from here
 * means "the default", so the delivery engine can apply its own configured window.
 */
export function parseStoredQuietHours(
  value: string | null | undefined,
): QuietHours | null | undefined {
  if (value === 'none') return null;
  const match = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(value ?? '');
  return match ? { start: match[1], end: match[2] } : undefined;
}
