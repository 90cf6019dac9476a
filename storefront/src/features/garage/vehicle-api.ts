import { z } from 'astro/zod';
import type { CmsApi, CmsCallContext, CmsResult } from '~/lib/cms-api';
import { photoUploadForm } from './photo-upload';

/** How long an upload of photos may take: up to 40 MB, which the CMS also stores. */
const PHOTO_UPLOAD_TIMEOUT_MS = 120_000;

// A catalog entry removed after the vehicle was added comes back without a name.
const catalogName = z
  .string()
  .nullish()
  .transform((name) => name ?? '');
const named = z.object({ id: z.string(), name: catalogName });

const vehicle = z.object({
  id: z.string(),
  nickname: z.string().nullish(),
  registrationNumber: z.string(),
  vin: z.string().nullish(),
  make: named,
  model: named.extend({ vehicleType: catalogName }),
  trim: named.nullish(),
  year: z.number().int(),
  colour: z.string().nullish(),
  fuel: z.string().nullish(),
  purchaseDate: z.string().nullish(),
  odometerKm: z.number().nullish(),
  picture: z
    .object({
      url: z.string().nullish(),
      /** A smaller copy, for cards. */
      thumbnailUrl: z.string().nullish(),
      source: z.enum(['photo', 'model', 'placeholder']).catch('placeholder'),
    })
    .default({ url: null, source: 'placeholder' }),
  /**
   * The owner's photos, newest first; `id` is the photo's documentId; `url` and `thumbnailUrl`
   * (a smaller copy for the gallery) are short-lived signed links (`/api/files/<token>` of the
   * CMS, or a presigned URL of the bucket).
   */
  photos: z
    .array(z.object({ id: z.string(), url: z.string(), thumbnailUrl: z.string().nullish() }))
    .default([]),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

const note = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
});

const reading = z.object({
  id: z.string(),
  readingKm: z.number(),
  readOn: z.string(),
  correction: z.boolean().default(false),
  createdAt: z.string().optional(),
});

function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    meta: z
      .object({
        pagination: z
          .object({ nextCursor: z.string().nullish() })
          .passthrough()
          .default({ nextCursor: null }),
      })
      .default({ pagination: { nextCursor: null } }),
  });
}

const one = <T extends z.ZodTypeAny>(item: T) => z.object({ data: item });

// Each answer's schema built once, not on every call (zod builds a schema object by object).
const vehiclePage = pageOf(vehicle);
const oneVehicle = one(vehicle);
const notePage = pageOf(note);
const oneNote = one(note);
const readingPage = pageOf(reading);
const oneReading = one(reading);
const nothing = z.unknown();
const garageVersion = one(z.object({ version: z.string().min(1) }));

/** A vehicle in an owner's garage, with catalog names in the requested language. */
export type Vehicle = z.infer<typeof vehicle>;

/** An owner's note about a vehicle. */
export type VehicleNote = z.infer<typeof note>;

/** A dated odometer reading. */
export type OdometerReading = z.infer<typeof reading>;

/** One page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What an owner sends to add a vehicle (`POST`) or change one (`PUT`, any subset). */
export interface VehiclePayload {
  makeId?: string;
  modelId?: string;
  trimId?: string | null;
  year?: number;
  registrationNumber?: string;
  vin?: string | null;
  nickname?: string | null;
  colour?: string | null;
  fuel?: string | null;
  purchaseDate?: string | null;
  odometerKm?: number;
}

/** A new odometer reading; `correction` allows one lower than the last. */
export interface ReadingPayload {
  readingKm: number;
  readOn?: string;
  correction?: boolean;
}

/** Who asks and in which language catalog names should come back. */
export interface OwnerRequest {
  accessToken: string;
  locale: string;
  context: CmsCallContext;
}

/** Which page of a list to fetch. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** The owner-scoped vehicle, note, odometer and photo routes, typed. */
export interface VehicleApi {
  list(owner: OwnerRequest, query?: PageQuery): Promise<CmsResult<Page<Vehicle>>>;
  /**
   * The version of the garage overview for that page of `list` (with the owner's reminders
   * and recalls): it moves whenever one of those answers could (`GET /api/garage/version`).
   */
  version(owner: OwnerRequest, query?: PageQuery): Promise<CmsResult<string>>;
  get(owner: OwnerRequest, id: string): Promise<CmsResult<Vehicle>>;
  create(owner: OwnerRequest, payload: VehiclePayload): Promise<CmsResult<Vehicle>>;
  update(owner: OwnerRequest, id: string, payload: VehiclePayload): Promise<CmsResult<Vehicle>>;
  remove(owner: OwnerRequest, id: string): Promise<CmsResult<unknown>>;
  notes(owner: OwnerRequest, id: string, query?: PageQuery): Promise<CmsResult<Page<VehicleNote>>>;
  addNote(owner: OwnerRequest, id: string, body: string): Promise<CmsResult<VehicleNote>>;
  updateNote(owner: OwnerRequest, noteId: string, body: string): Promise<CmsResult<VehicleNote>>;
  removeNote(owner: OwnerRequest, noteId: string): Promise<CmsResult<unknown>>;
  readings(
    owner: OwnerRequest,
    id: string,
    query?: PageQuery,
  ): Promise<CmsResult<Page<OdometerReading>>>;
  addReading(
    owner: OwnerRequest,
    id: string,
    payload: ReadingPayload,
  ): Promise<CmsResult<OdometerReading>>;
  /** Adds photos (checked by the CMS); answers the vehicle with its new photos and picture. */
  addPhotos(owner: OwnerRequest, id: string, files: File[]): Promise<CmsResult<Vehicle>>;
  removePhoto(owner: OwnerRequest, id: string, photoId: string): Promise<CmsResult<unknown>>;
}

/** The path of a route with `locale` (and a page query) appended. */
export function routePath(path: string, locale: string, query: PageQuery = {}): string {
  const params = new URLSearchParams({ locale });
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  return `${path}?${params}`;
}

/** Binds the vehicle routes to a CMS caller. Ids are path-encoded. */
export function createVehicleApi(call: CmsApi): VehicleApi {
  const send = async <T>(
    owner: OwnerRequest,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    body?: unknown,
    timeoutMs?: number,
  ) =>
    call({
      method,
      path,
      body,
      schema,
      timeoutMs,
      token: owner.accessToken,
      context: owner.context,
    });

  const unwrap = <T>(result: CmsResult<{ data: T }>): CmsResult<T> =>
    result.ok ? { ok: true, data: result.data.data } : result;

  const paged = <T>(
    result: CmsResult<{ data: T[]; meta: { pagination: { nextCursor?: string | null } } }>,
  ): CmsResult<Page<T>> =>
    result.ok
      ? {
          ok: true,
          data: {
            items: result.data.data,
            nextCursor: result.data.meta.pagination.nextCursor ?? null,
          },
        }
      : result;

  const vehiclePath = (id: string) => `/api/vehicles/${encodeURIComponent(id)}`;
  const notePath = (id: string) => `/api/notes/${encodeURIComponent(id)}`;
  const at = (owner: OwnerRequest, path: string, query?: PageQuery) =>
    routePath(path, owner.locale, query);

  return {
    list: async (owner, query) =>
      paged(await send(owner, 'GET', at(owner, '/api/vehicles', query), vehiclePage)),
    version: async (owner, query) => {
      const result = await send(
        owner,
        'GET',
        at(owner, '/api/garage/version', query),
        garageVersion,
      );
      return result.ok ? { ok: true, data: result.data.data.version } : result;
    },
    get: async (owner, id) =>
      unwrap(await send(owner, 'GET', at(owner, vehiclePath(id)), oneVehicle)),
    create: async (owner, payload) =>
      unwrap(await send(owner, 'POST', at(owner, '/api/vehicles'), oneVehicle, { data: payload })),
    update: async (owner, id, payload) =>
      unwrap(await send(owner, 'PUT', at(owner, vehiclePath(id)), oneVehicle, { data: payload })),
    remove: (owner, id) => send(owner, 'DELETE', at(owner, vehiclePath(id)), nothing),
    notes: async (owner, id, query) =>
      paged(await send(owner, 'GET', at(owner, `${vehiclePath(id)}/notes`, query), notePage)),
    addNote: async (owner, id, body) =>
      unwrap(
        await send(owner, 'POST', at(owner, `${vehiclePath(id)}/notes`), oneNote, {
          data: { body },
        }),
      ),
    updateNote: async (owner, noteId, body) =>
      unwrap(await send(owner, 'PUT', at(owner, notePath(noteId)), oneNote, { data: { body } })),
    removeNote: (owner, noteId) => send(owner, 'DELETE', at(owner, notePath(noteId)), nothing),
    readings: async (owner, id, query) =>
      paged(await send(owner, 'GET', at(owner, `${vehiclePath(id)}/odometer`, query), readingPage)),
    addReading: async (owner, id, payload) =>
      unwrap(
        await send(owner, 'POST', at(owner, `${vehiclePath(id)}/odometer`), oneReading, {
          data: payload,
        }),
      ),
    addPhotos: async (owner, id, files) =>
      unwrap(
        await send(
          owner,
          'POST',
          at(owner, `${vehiclePath(id)}/photos`),
          oneVehicle,
          photoUploadForm(files),
          PHOTO_UPLOAD_TIMEOUT_MS,
        ),
      ),
    removePhoto: (owner, id, photoId) =>
      send(
        owner,
        'DELETE',
        at(owner, `${vehiclePath(id)}/photos/${encodeURIComponent(photoId)}`),
        nothing,
      ),
  };
}
