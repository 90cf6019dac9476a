/** A badge's colours, from the `--badge-<tone>-*` tokens in styles/tokens.css. */
export const BADGE_TONES = ['neutral', 'ok', 'warning', 'danger', 'critical'] as const;
export type BadgeTone = (typeof BADGE_TONES)[number];

/** The shape beside a badge's words, so that the meaning never rests on colour alone. */
export type BadgeIcon = 'calendar' | 'check' | 'clock' | 'alert' | 'stop' | 'info';

/** What a badge shows, apart from its words. */
export interface BadgeLook {
  tone: BadgeTone;
  icon: BadgeIcon;
}

/** The path of each icon in a 16×16 box, drawn with `currentColor`. */
export const BADGE_ICON_PATHS: Record<BadgeIcon, string> = {
  calendar: 'M3 3h10v10H3z M3 6h10 M6 1.5v3 M10 1.5v3',
  check: 'M3 8.5l3 3 7-7',
  clock: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z M8 4.5V8l2.5 1.5',
  alert: 'M8 1.5L15 14H1z M8 6v4 M8 11.5v.5',
  info: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z M8 7.5v4 M8 4.75v.5',
  stop: 'M5.5 1.5h5l4 4v5l-4 4h-5l-4-4v-5z M8 4.5v4.5 M8 11v.5',
};

/** Days from one calendar day to another (`YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
