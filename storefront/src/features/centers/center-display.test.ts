import { describe, expect, it } from 'vitest';
import { directionsLinks, hoursTable, nepalWeekday, telHref } from './center-display';
import { centerDetail } from './fixtures/centers';

describe('nepalWeekday', () => {
  it('is the day in Nepal (UTC+5:45), not on the server', () => {
    // Saturday 18:20 UTC is already Sunday 00:05 in Kathmandu.
    expect(nepalWeekday(new Date('2026-11-28T18:20:00Z'))).toBe('sunday');
    expect(nepalWeekday(new Date('2026-11-28T18:10:00Z'))).toBe('saturday');
  });
});

describe('hoursTable', () => {
  it('lists the whole week from Sunday, closed days empty, today marked', () => {
    const rows = hoursTable(centerDetail().openingHours, new Date('2026-12-04T06:00:00Z'));
    expect(rows.map((row) => row.day)).toEqual([
      'sunday',
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
    ]);
    expect(rows.find((row) => row.today)?.day).toBe('friday');
    expect(rows[5]!.spans).toEqual([{ opens: '09:00', closes: '13:00' }]);
    expect(rows[6]!.spans).toEqual([]);
  });
});

describe('directionsLinks', () => {
  it('routes to the center’s coordinates on OpenStreetMap and Google Maps', () => {
    const links = directionsLinks({ lat: 27.6982, lng: 85.2956 });
    expect(links.osm).toBe('https://www.openstreetmap.org/directions?route=%3B27.6982%2C85.2956');
    expect(links.google).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=27.6982%2C85.2956',
    );
  });
});

describe('telHref', () => {
  it('dials the digits', () => {
    expect(telHref('+977 1-4270000')).toBe('tel:+97714270000');
    expect(telHref('061-520 000')).toBe('tel:061520000');
  });
});
