import type { Core, UID } from '@strapi/strapi';
import type { AddressInput } from './gazetteer';
import type { GeocodeResult } from './geocoder';
import { runtime } from './runtime';

type Data = Record<string, unknown>;

interface Row {
  id: number;
  locale: string | null;
  publishedAt: string | null;
  latitude: number | string | null;
  longitude: number | string | null;
  coordinatesSource: 'manual' | 'provider' | 'gazetteer' | null;
  address: string | null;
  city: string | null;
  district: string | null;
  province: string | null;
}

const FIELDS = [
  'id',
  'locale',
  'publishedAt',
  'latitude',
  'longitude',
  'coordinatesSource',
  'address',
  'city',
  'district',
  'province',
] as const;

const number = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

const hasPoint = (row: Pick<Row, 'latitude' | 'longitude'> | undefined) =>
  !!row && number(row.latitude) !== null && number(row.longitude) !== null;

const samePoint = (a: number | null, b: number | null) =>
  a !== null && b !== null && Math.abs(a - b) < 1e-6;

/** The fields the plugin writes for a result of the chain (null: nothing found). */
export function pointFields(result: GeocodeResult | null, at: Date): Data {
  return result
    ? {
        latitude: Number(result.lat.toFixed(6)),
        longitude: Number(result.lng.toFixed(6)),
        coordinatesSource: result.source,
        needsCoordinates: false,
        geocodedAt: at.toISOString(),
      }
    : {
        latitude: null,
        longitude: null,
        coordinatesSource: null,
        needsCoordinates: true,
        geocodedAt: null,
      };
}

async function rowsOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<Row[]> {
  return (await strapi.db.query(uid as UID.Schema).findMany({
    where: { documentId },
    select: [...FIELDS],
  })) as unknown as Row[];
}

/** Drafts first: they hold the latest edit. */
const newestFirst = (rows: Row[]) =>
  [...rows].sort((a, b) => Number(a.publishedAt !== null) - Number(b.publishedAt !== null));

const LOCATION_FIELDS = ['address', 'city', 'district'] as const;

/**
 * Decides, before a create or update is written, what the center's coordinate fields become,
 * and writes them into `data`:
 * - coordinates in the data that differ from the stored ones (or on a new center) are an
 *   admin's: `manual`, never overwritten by the plugin;
 * - coordinates already stored (in any locale: they are not localized) are kept, unless the
 *   address changed and they came from the provider or the gazetteer;
 * - otherwise the chain runs; nothing found sets `needsCoordinates`.
 * Never rejects: an unexpected error is logged, counted, and the save goes on untouched.
 */
export async function prepareCenterData(
  strapi: Core.Strapi,
  uid: string,
  params: { documentId?: string; locale?: string; data?: Data },
): Promise<void> {
  const data = params.data;
  if (!data || typeof data !== 'object') return;
  const parts = runtime(strapi);
  try {
    const rows = params.documentId ? newestFirst(await rowsOf(strapi, uid, params.documentId)) : [];
    const stored = rows.find(hasPoint);
    const sameLocale = rows.find((row) => row.locale === (params.locale ?? row.locale));
    const lat = number(data.latitude);
    const lng = number(data.longitude);
    const givesPoint = lat !== null && lng !== null;
    const clears = ('latitude' in data && lat === null) || ('longitude' in data && lng === null);

    if (givesPoint) {
      const unchanged =
        stored &&
        samePoint(lat, number(stored.latitude)) &&
        samePoint(lng, number(stored.longitude));
      if (!unchanged) {
        Object.assign(data, {
          coordinatesSource: 'manual',
          needsCoordinates: false,
          geocodedAt: null,
        });
        return;
      }
    }

    if (stored && !clears) {
      const moved =
        stored.coordinatesSource !== 'manual' &&
        !!sameLocale &&
        LOCATION_FIELDS.some(
          (field) => field in data && (data[field] ?? null) !== (sameLocale[field] ?? null),
        );
      if (!moved) {
        // Keep what is stored; the caller cannot relabel it.
        Object.assign(data, {
          latitude: number(stored.latitude),
          longitude: number(stored.longitude),
          coordinatesSource: stored.coordinatesSource ?? 'manual',
          needsCoordinates: false,
        });
        delete data.geocodedAt;
        return;
      }
    }

    const base = sameLocale ?? rows[0];
    const pick = (field: keyof AddressInput) =>
      (field in data ? data[field] : base?.[field]) as string | null | undefined;
    const input: AddressInput = {
      address: pick('address'),
      city: pick('city'),
      district: pick('district'),
      province: pick('province'),
    };
    const result = await parts.geocoder.geocode(input);
    Object.assign(data, pointFields(result, new Date()));
  } catch (error) {
    parts.metrics.error('save');
    strapi.log.error(`[geocoding] could not geocode a ${uid} on save: ${(error as Error).message}`);
  }
}

export type RelocateOutcome =
  | { ok: true; point: Data }
  | { ok: false; reason: 'not-found' | 'manual' };

/**
 * "Geocode again": clears a point the plugin found and runs the chain afresh (cache read
 * skipped), writing the result to every row of the document (all locales, draft and
 * published: coordinates are not localized and not editorial). A hand-set point is refused.
 */
export async function relocateCenter(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<RelocateOutcome> {
  try {
    return await relocate(strapi, uid, documentId);
  } catch (error) {
    runtime(strapi).metrics.error('relocate');
    strapi.log.error(
      `[geocoding] geocode again failed for ${documentId}: ${(error as Error).message}`,
    );
    throw error;
  }
}

async function relocate(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<RelocateOutcome> {
  const rows = newestFirst(await rowsOf(strapi, uid, documentId));
  if (rows.length === 0) return { ok: false, reason: 'not-found' };
  if (rows.some((row) => row.coordinatesSource === 'manual' && hasPoint(row)))
    return { ok: false, reason: 'manual' };
  const base = rows[0];
  const result = await runtime(strapi).geocoder.geocode(
    { address: base.address, city: base.city, district: base.district, province: base.province },
    { refresh: true },
  );
  const point = pointFields(result, new Date());
  await strapi.db.query(uid as UID.Schema).updateMany({ where: { documentId }, data: point });
  return { ok: true, point };
}
