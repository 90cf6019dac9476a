import { NEPAL_BOUNDS } from './near-me';
import { districtByCode } from './nepal-places';
import { SERVICE_KIND_CODES } from '~/features/service-records/service-kinds';
import type { CenterListQuery } from './centers-api';

/** The finder's GET form fields, as they appear in its address. */
export const FINDER_FIELDS = {
  district: 'district',
  service: 'service',
  make: 'make',
  openNow: 'open',
  /** "Near me" from the browser: `lat,lng` (set by the location button, JS only). */
  near: 'near',
  /** "Near me" without JS: a district whose headquarters stands for the visitor's place. */
  nearDistrict: 'from',
  radiusKm: 'radius',
  cursor: 'cursor',
} as const;

export type FinderField = keyof typeof FINDER_FIELDS;

/** The radii the form offers (the CMS takes 0.5–300 km). */
export const RADIUS_CHOICES = [5, 10, 25, 50, 100, 300] as const;
export const DEFAULT_RADIUS_KM = 25;

/** The form as the visitor filled it, for showing it again (strings as typed). */
export interface FinderForm {
  district: string;
  service: string;
  make: string;
  openNow: boolean;
  near: string;
  nearDistrict: string;
  radiusKm: string;
}

/** A refused filter: the form field and the message key under `centers.errors`. */
export interface FinderError {
  field: FinderField;
  reason: 'district' | 'service' | 'make' | 'near' | 'radius' | 'cursor' | 'nearBoth';
}

export type FinderQuery =
  | { ok: true; query: CenterListQuery; form: FinderForm; filtered: boolean }
  | { ok: false; errors: FinderError[]; form: FinderForm };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const inBounds = (lat: number, lng: number) =>
  lat >= NEPAL_BOUNDS.south &&
  lat <= NEPAL_BOUNDS.north &&
  lng >= NEPAL_BOUNDS.west &&
  lng <= NEPAL_BOUNDS.east;
const CURSOR = /^[A-Za-z0-9_.~+/=-]{1,512}$/;
const LAT_LNG = /^(-?\d{1,3}(?:\.\d{1,7})?),(-?\d{1,3}(?:\.\d{1,7})?)$/;

/**
 * Reads the finder's filters from its address. Empty fields mean "any"; a value that is not
 * one the form offers is refused by name, so a hand-edited or stale link says what is wrong
 * instead of quietly showing everything.
 */
export function readFinderQuery(params: URLSearchParams): FinderQuery {
  const text = (field: FinderField) => (params.get(FINDER_FIELDS[field]) ?? '').trim();
  const form: FinderForm = {
    district: text('district'),
    service: text('service'),
    make: text('make'),
    openNow: ['1', 'true', 'on'].includes(text('openNow')),
    near: text('near'),
    nearDistrict: text('nearDistrict'),
    radiusKm: text('radiusKm'),
  };
  const errors: FinderError[] = [];
  const query: CenterListQuery = {};

  if (form.district) {
    if (districtByCode(form.district)) query.district = form.district;
    else errors.push({ field: 'district', reason: 'district' });
  }
  if (form.service) {
    if ((SERVICE_KIND_CODES as readonly string[]).includes(form.service))
      query.service = form.service;
    else errors.push({ field: 'service', reason: 'service' });
  }
  if (form.make) {
    if (ID.test(form.make)) query.make = form.make;
    else errors.push({ field: 'make', reason: 'make' });
  }
  if (form.openNow) query.openNow = true;

  if (form.near && form.nearDistrict) {
    errors.push({ field: 'nearDistrict', reason: 'nearBoth' });
  } else if (form.near) {
    const match = LAT_LNG.exec(form.near);
    const lat = match ? Number(match[1]) : NaN;
    const lng = match ? Number(match[2]) : NaN;
    if (match && inBounds(lat, lng)) query.near = { lat, lng };
    else errors.push({ field: 'near', reason: 'near' });
  } else if (form.nearDistrict) {
    const place = districtByCode(form.nearDistrict);
    if (place) query.near = { lat: place.lat, lng: place.lng };
    else errors.push({ field: 'nearDistrict', reason: 'district' });
  }
  if (form.radiusKm) {
    const radius = Number(form.radiusKm);
    if (!(RADIUS_CHOICES as readonly number[]).includes(radius)) {
      errors.push({ field: 'radiusKm', reason: 'radius' });
    } else if (query.near) query.radiusKm = radius;
  } else if (query.near) query.radiusKm = DEFAULT_RADIUS_KM;

  const cursor = text('cursor');
  if (cursor) {
    if (CURSOR.test(cursor)) query.cursor = cursor;
    else errors.push({ field: 'cursor', reason: 'cursor' });
  }
  if (errors.length > 0) return { ok: false, errors, form };
  const filtered = Boolean(
    query.district || query.service || query.make || query.openNow || query.near,
  );
  return { ok: true, query, form, filtered };
}

/**
 * The finder's address for the same filters (the "more" link adds a cursor; a center's page
 * links back with them). Only the form's own fields are kept.
 */
export function finderSearch(
  form: FinderForm,
  cursor?: string,
): Record<string, string | undefined> {
  const value = (text: string) => text || undefined;
  return {
    [FINDER_FIELDS.district]: value(form.district),
    [FINDER_FIELDS.service]: value(form.service),
    [FINDER_FIELDS.make]: value(form.make),
    [FINDER_FIELDS.openNow]: form.openNow ? '1' : undefined,
    [FINDER_FIELDS.near]: value(form.near),
    [FINDER_FIELDS.nearDistrict]: value(form.nearDistrict),
    [FINDER_FIELDS.radiusKm]: value(form.radiusKm),
    [FINDER_FIELDS.cursor]: cursor,
  };
}

/** Which finder field a CMS refusal names (`near`, `radiusKm`, …), if it is one of ours. */
export function finderFieldOfCms(path: string | undefined): FinderField | undefined {
  switch (path) {
    case 'near':
      return 'near';
    case 'radiusKm':
      return 'radiusKm';
    case 'district':
    case 'service':
    case 'make':
    case 'cursor':
      return path;
    case 'openNow':
      return 'openNow';
    default:
      return undefined;
  }
}
