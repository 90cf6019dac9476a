import { dateTimeFormat } from '~/i18n/formats';
import { DATE_TIME_ZONE } from '~/i18n/dates';
import { WEEKDAYS, type CenterDetail, type Weekday } from './centers-api';

/** Today's weekday in Nepal (the CMS's "open now" and the hours table both use Nepal time). */
export function nepalWeekday(now: Date): Weekday {
  const name = dateTimeFormat('en-US', { weekday: 'long', timeZone: DATE_TIME_ZONE })
    .format(now)
    .toLowerCase();
  return WEEKDAYS.find((day) => day === name) ?? 'sunday';
}

/** One row of the hours table: a weekday and its opening spans (none: closed). */
export interface HoursRow {
  day: Weekday;
  spans: Array<{ opens: string; closes: string }>;
  today: boolean;
}

/**
 * The week from Sunday (Nepal's week starts on Sunday; Saturday is the day off), each day's
 * spans in time order, today marked. A span that closes before it opens runs past midnight.
 */
export function hoursTable(hours: CenterDetail['openingHours'], now: Date): HoursRow[] {
  const today = nepalWeekday(now);
  return WEEKDAYS.map((day) => ({
    day,
    spans: hours
      .filter((span) => span.day === day)
      .map(({ opens, closes }) => ({ opens, closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens)),
    today: day === today,
  }));
}

/** Directions to a point: OpenStreetMap's router and Google Maps. */
export function directionsLinks(location: { lat: number; lng: number }): {
  osm: string;
  google: string;
} {
  const point = `${location.lat},${location.lng}`;
  return {
    osm: `https://www.openstreetmap.org/directions?${new URLSearchParams({ route: `;${point}` })}`,
    google: `https://www.google.com/maps/dir/?${new URLSearchParams({ api: '1', destination: point })}`,
  };
}

/** A phone number as a `tel:` link (spaces and dashes dropped, a leading + kept). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' : ''}${digits.replace(/\+/g, '')}`;
}
