import type { DayEvent } from './month-calendar';

/** Something the month calendar shows on a day: a service, a reminder's due date. */
export interface CalendarEntry extends DayEvent {
  /** What it is, in the page's language: `Oil change · Rato Pulsar`. */
  title: string;
  /** Where it is shown in full. */
  href?: string;
  /** A second line in the list view (time, service center). */
  detail?: string;
  /** How it is marked: a cancelled service is struck through. */
  tone?: 'plain' | 'cancelled';
}
