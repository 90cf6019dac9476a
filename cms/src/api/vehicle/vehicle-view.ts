import type { ModelDetail } from '../catalog/services/catalog';
import type { FUEL_TYPES } from '../catalog/catalog-data';
import type { MediaUrls } from '../../lib/media/media-urls';

export interface VehicleRow {
  id: number;
  documentId: string;
  ownerId: number;
  makeId: string;
  modelId: string;
  trimId: string | null;
  year: number;
  registrationNumber: string;
  vin: string | null;
  nickname: string | null;
  colour: string | null;
  fuel: (typeof FUEL_TYPES)[number] | null;
  purchaseDate: string | null;
  odometerKm: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One of the owner's photos (`id` is its documentId), with the short-lived signed links a
 * browser loads it by: a presigned GET on S3, `/api/files/<token>` on the embedded default.
 */
export interface Photo extends MediaUrls {
  id: string;
}

export interface Picture {
  url: string | null;
  /** A smaller copy for cards and lists. */
  thumbnailUrl: string | null;
  source: 'photo' | 'model' | 'placeholder';
}

export interface Vehicle {
  id: string;
  nickname: string | null;
  registrationNumber: string;
  vin: string | null;
  make: { id: string; name: string | null };
  model: { id: string; name: string | null; vehicleType: string | null };
  trim: { id: string; name: string | null } | null;
  year: number;
  colour: string | null;
  fuel: string | null;
  purchaseDate: string | null;
  odometerKm: number | null;
  picture: Picture;
  /** The owner's photos, newest first. */
  photos: Photo[];
  createdAt: string;
  updatedAt: string;
}

/**
 * The gallery fallback: the owner's newest photo (the first of `photos`, newest first), else
 * the model's default image, else none.
 */
export function pictureOf(photos: Photo[], model: ModelDetail | null): Picture {
  const newest = photos[0];
  if (newest) return { url: newest.url, thumbnailUrl: newest.thumbnailUrl, source: 'photo' };
  if (model?.defaultImageUrl) {
    const thumbnailUrl = model.defaultImageThumbnailUrl ?? model.defaultImageUrl;
    return { url: model.defaultImageUrl, thumbnailUrl, source: 'model' };
  }
  return { url: null, thumbnailUrl: null, source: 'placeholder' };
}

/**
 * What an owner sees of a vehicle, with catalog names in the asked language; `photos` are the
 * vehicle's photos, newest first, with the links to load them by.
 */
export function toVehicle(row: VehicleRow, model: ModelDetail | null, photos: Photo[]): Vehicle {
  const trim = row.trimId ? model?.trims.find((candidate) => candidate.id === row.trimId) : null;
  return {
    id: row.documentId,
    nickname: row.nickname ?? null,
    registrationNumber: row.registrationNumber,
    vin: row.vin ?? null,
    make: { id: row.makeId, name: model?.make.name ?? null },
    model: { id: row.modelId, name: model?.name ?? null, vehicleType: model?.vehicleType ?? null },
    trim: row.trimId ? { id: row.trimId, name: trim?.name ?? null } : null,
    year: row.year,
    colour: row.colour ?? null,
    fuel: row.fuel ?? null,
    purchaseDate: row.purchaseDate ?? null,
    odometerKm: row.odometerKm ?? null,
    picture: pictureOf(photos, model),
    photos,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
