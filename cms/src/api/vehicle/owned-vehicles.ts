import type { Core } from '@strapi/strapi';
import { NotFound } from '../../lib/errors';
import type { VehicleRow } from './vehicle-view';

export const VEHICLE_UID = 'api::vehicle.vehicle';
export const NOTE_UID = 'api::vehicle.vehicle-note';
export const READING_UID = 'api::vehicle.odometer-reading';

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
  })) as VehicleRow | null;
  if (!row) throw new NotFound('Vehicle not found');
  return row;
}
