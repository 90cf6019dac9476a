import type { Core } from '@strapi/strapi';
import { NotFound } from '../../lib/errors';
import { STORED_FILE_FIELDS } from '../../lib/media/media-urls';
import type { VehicleRow } from './vehicle-view';

export const VEHICLE_UID = 'api::vehicle.vehicle';
export const NOTE_UID = 'api::vehicle.vehicle-note';
export const READING_UID = 'api::vehicle.odometer-reading';

/** What a vehicle row is read with wherever it is presented: its photos' stored fields. */
export const VEHICLE_POPULATE = { photos: { select: ['id', ...STORED_FILE_FIELDS] } };

/**
 * The vehicle row of an owner, for the vehicle and its sub-resources (notes, odometer,
 * photos). Another owner's vehicle is never found: 404, never 403, so ids leak nothing.
 */
export async function findOwnedVehicle(
  strapi: Core.Strapi,
  ownerId: number,
  documentId: string,
): Promise<VehicleRow> {
  const row = (await strapi.db.query(VEHICLE_UID).findOne({
    where: { documentId, ownerId },
    populate: VEHICLE_POPULATE,
  })) as VehicleRow | null;
  if (!row) throw new NotFound('Vehicle not found');
  return row;
}
