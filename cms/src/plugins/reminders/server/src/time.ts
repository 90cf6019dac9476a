import { NEPAL_OFFSET_MINUTES } from './constants';

const MINUTE = 60_000;

export interface QuietHours {
  start: string;
  end: string;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What a delivery row keeps of its recipient's quiet hours, so retries honour them too:
 * `HH:MM-HH:MM`, `none`, or null for the configured ones (absent or not two clock times).
 */
export function storedQuietHours(quiet: QuietHours | null | undefined): string | null {
  if (quiet === null) return 'none';
  if (!quiet || !CLOCK.test(String(quiet.start)) || !CLOCK.test(String(quiet.end))) return null;
  return `${quiet.start}-${quiet.end}`;
}

/** The quiet hours that hold a row's SMS: its own (see above), else the configured ones. */
export function quietHoursOf(stored: unknown, configured: QuietHours): QuietHours | null {
  if (stored === 'none') return null;
  const match = typeof stored === 'string' ? /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(stored) : null;
  return match ? { start: match[1], end: match[2] } : configured;
}

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * When an SMS due at `now` may go out: `now` itself outside the quiet hours, else the end of
 * the quiet hours (Nepal time) that `now` falls in. The window may wrap midnight (21:00-07:00).
 */
export function smsSendableAt(now: Date, quiet: QuietHours | null): Date {
  if (!quiet) return now;
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
