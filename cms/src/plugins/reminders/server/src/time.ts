import { NEPAL_OFFSET_MINUTES } from './constants';

const MINUTE = 60_000;

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * When an SMS due at `now` may go out: `now` itself outside the quiet hours, else the end of
 * the quiet hours (Nepal time) that `now` falls in. The window may wrap midnight (21:00-07:00).
 */
export function smsSendableAt(now: Date, quiet: { start: string; end: string }): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return now;
  const local = new Date(now.getTime() + NEPAL_OFFSET_MINUTES * MINUTE);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const wraps = start > end;
  const quietNow = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quietNow) return now;
  // The end falls later today, or (after the evening start of a wrapping window) tomorrow.
  const dayOffset = wraps && minute >= start ? 1 : 0;
  const endLocal = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + dayOffset,
    Math.floor(end / 60),
    end % 60,
  );
  return new Date(endLocal - NEPAL_OFFSET_MINUTES * MINUTE);
}

const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;

/** The wait before attempt `attempts + 1`: base, 2x, 4x... capped at six hours. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}
