import { BOUNDS, districts } from '@motorghar/nepal';
import { z } from 'zod';
import { SERVICE_KIND_CODES } from '../catalog/service-kinds';
import { pageQuery } from '../../lib/pagination';

export const DEFAULT_RADIUS_KM = 25;
export const MIN_RADIUS_KM = 0.5;
export const MAX_RADIUS_KM = 300;

const DISTRICT_CODES = districts.map((district) => district.code) as [string, ...string[]];

const near = z
  .string()
  .max(60)
  .transform((value, context) => {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
    const lat = match ? Number(match[1]) : NaN;
    const lng = match ? Number(match[2]) : NaN;
    if (!match) {
      context.addIssue({ code: 'custom', message: 'must be "lat,lng" in decimal degrees' });
      return z.NEVER;
    }
    if (lat < BOUNDS.south || lat > BOUNDS.north || lng < BOUNDS.west || lng > BOUNDS.east) {
      context.addIssue({
        code: 'custom',
        message: `must be inside Nepal (latitude ${BOUNDS.south} to ${BOUNDS.north}, longitude ${BOUNDS.west} to ${BOUNDS.east})`,
      });
      return z.NEVER;
    }
    return { lat, lng };
  });

/** `GET /service-centers` query, beside `locale`. */
export const centerListQuery = {
  ...pageQuery.shape,
  // A name cursor carries the sort name, which in Nepali takes more bytes than an id.
  cursor: z.string().max(400).optional(),
  near: near.optional(),
  radiusKm: z.coerce.number().min(MIN_RADIUS_KM).max(MAX_RADIUS_KM).optional(),
  district: z.enum(DISTRICT_CODES).optional(),
  service: z.enum(SERVICE_KIND_CODES).optional(),
  make: z.string().min(1).max(64).optional(),
  openNow: z.enum(['true', 'false']).optional(),
};

export interface CenterFilters {
  limit: number;
  cursor?: string;
  near?: { lat: number; lng: number };
  radiusKm?: number;
  district?: string;
  service?: string;
  make?: string;
  openNow?: 'true' | 'false';
}

/** The OpenAPI description of the query (lib/openapi.ts). */
export const CENTER_LIST_DOCS = {
  description:
    'Published service centers. With `near`, ordered by great-circle distance (ties by id) ' +
    'within `radiusKm`; without, by name. Visitors and owners alike.',
  query: {
    near: {
      description: 'A point inside Nepal, `lat,lng` in decimal degrees',
      schema: { type: 'string', maxLength: 60, example: '27.7172,85.3240' },
    },
    radiusKm: {
      description: `Only with \`near\`: how far, ${MIN_RADIUS_KM} to ${MAX_RADIUS_KM} km (default ${DEFAULT_RADIUS_KM})`,
      schema: { type: 'number', minimum: MIN_RADIUS_KM, maximum: MAX_RADIUS_KM },
    },
    district: {
      description: 'A district code (@motorghar/nepal)',
      schema: { type: 'string', enum: DISTRICT_CODES },
    },
    service: {
      description: 'A service-kind code the center offers',
      schema: { type: 'string', enum: SERVICE_KIND_CODES },
    },
    make: {
      description: 'A catalog make id the center services',
      schema: { type: 'string', maxLength: 64 },
    },
    openNow: {
      description:
        'Open (`true`) or closed (`false`) now, Nepal time; centers without hours match neither',
      schema: { type: 'string', enum: ['true', 'false'] },
    },
    limit: {
      description: 'Centers a page, 1 to 100 (default 20)',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
    cursor: {
      description: "The previous page's `meta.pagination.nextCursor`",
      schema: { type: 'string', maxLength: 400 },
    },
  },
};
