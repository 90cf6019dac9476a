import type { Core } from '@strapi/strapi';

/** One event of an owner's calendar feed; times are instants (written in UTC). */
export interface CalendarEvent {
  /** Stable across feeds and edits, unique across sources: `<documentId>@motorghar`. */
  uid: string;
  start: Date;
  end?: Date;
  /** An all-day event: `start` names the day (in UTC), `end` is ignored. */
  allDay?: boolean;
  summary: string;
  description?: string;
  location?: string;
  /** When the event last changed (DTSTAMP / LAST-MODIFIED). */
  updatedAt: Date;
}

/**
 * What a domain adds to owners' calendar feeds: service records their services, reminders
 * what is due. `events` gets the owner and their preferred locale and returns what to show.
 */
export interface CalendarSource {
  name: string;
  events(ownerId: number, locale: string): Promise<CalendarEvent[]>;
}

const registries = new WeakMap<Core.Strapi, CalendarSource[]>();

/** Adds a source to this Strapi's feeds (call from the domain's `register` hook). */
export function registerCalendarSource(strapi: Core.Strapi, source: CalendarSource): void {
  const list = registries.get(strapi) ?? [];
  if (list.some((entry) => entry.name === source.name)) {
    throw new Error(`calendar source "${source.name}" is registered twice`);
  }
  registries.set(strapi, [...list, source]);
}

/** The registered sources, in registration order. */
export function calendarSources(strapi: Core.Strapi): readonly CalendarSource[] {
  return registries.get(strapi) ?? [];
}
