import type { Core } from '@strapi/strapi';

export const PHOTO_UID = 'api::vehicle.vehicle-photo';

/** A vehicle photo as the database holds it; its bytes are in the private store at the keys. */
export interface PhotoRow {
  id: number;
  documentId: string;
  ownerId: number;
  /** The vehicle's documentId. */
  vehicle: string;
  storageKey: string;
  /** The ~500 px copy for cards and grids; null when the photo is no larger than that. */
  smallKey: string | null;
  mime: string;
  width: number;
  height: number;
  size: number;
  sha256: string;
  position: number;
}

/** The photos of some vehicles, newest first (highest position, then the latest row). */
export async function photosOfVehicles(
  strapi: Core.Strapi,
  vehicleIds: string[],
): Promise<PhotoRow[]> {
  if (vehicleIds.length === 0) return [];
  return (await strapi.db.query(PHOTO_UID).findMany({
    where: { vehicle: { $in: vehicleIds } },
    orderBy: [{ position: 'desc' }, { id: 'desc' }],
  })) as PhotoRow[];
}

/** The objects a photo has in the private store. */
export const keysOfPhoto = (row: Pick<PhotoRow, 'storageKey' | 'smallKey'>): string[] =>
  [row.storageKey, row.smallKey].filter((key): key is string => Boolean(key));
