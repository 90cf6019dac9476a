import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../../lib/errors';
import { serviceGetter } from '../../../lib/services';
import { findOwnedVehicle, READING_UID, VEHICLE_UID } from '../owned-vehicles';
import type { OdometerInput } from '../vehicle-input';
import { createRecordPages } from '../record-pages';
import type { Page, PageQuery } from '../../../lib/pagination';
import type vehicleCache from './vehicle-cache';

const sibling = serviceGetter<{ 'vehicle-cache': typeof vehicleCache }>('vehicle');

const today = () => new Date().toISOString().slice(0, 10);

interface ReadingRow {
  id: number;
  documentId: string;
  readingKm: number;
  readOn: string;
  correction: boolean;
  createdAt: string;
}

export interface Reading {
  id: string;
  readingKm: number;
  readOn: string;
  correction: boolean;
  createdAt: string;
}

const toReading = (row: ReadingRow): Reading => ({
  id: row.documentId,
  readingKm: row.readingKm,
  readOn: String(row.readOn).slice(0, 10),
  correction: Boolean(row.correction),
  createdAt: new Date(row.createdAt).toISOString(),
});

interface VehicleRef {
  id: number;
  documentId: string;
}

/**
 * A vehicle's odometer history. The floor is the recorded history (its newest reading,
 * which a correction may have lowered), never the vehicle's `odometerKm`: that is a copy for
 * display, kept equal to the newest reading here.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pages = createRecordPages(strapi);

  const addRow = (
    vehicleDocumentId: string,
    readingKm: number,
    readOn: string,
    correction: boolean,
  ) =>
    strapi.documents(READING_UID).create({
      data: { vehicle: vehicleDocumentId, readingKm, readOn, correction },
    });

  /**
   * The newest recorded reading of a vehicle, read after locking the vehicle's row for the
   * rest of the transaction: two readings at once are then checked one after the other, so
   * neither can slip below the other. SQLite (development only) has one writer at a time.
   */
  async function lockedLastReading(vehicleId: number): Promise<number | null> {
    if (strapi.db.dialect.client === 'postgres') {
      const { tableName } = strapi.db.metadata.get(VEHICLE_UID);
      // Nested, this joins the caller's transaction and hands back its knex transaction.
      await strapi.db.transaction(({ trx }) =>
        strapi.db
          .connection(tableName)
          .transacting(trx)
          .where('id', vehicleId)
          .forUpdate()
          .select('id'),
      );
    }
    const [last] = (await strapi.db.query(READING_UID).findMany({
      where: { vehicle: { id: vehicleId } },
      select: ['readingKm'],
      orderBy: { id: 'desc' },
      limit: 1,
    })) as Array<{ readingKm: number }>;
    return last ? last.readingKm : null;
  }

  /**
   * Records `readingKm` as the vehicle's odometer and mirrors it on the vehicle. Must run
   * inside a transaction; `field` is what a refusal names.
   */
  async function record(
    vehicle: VehicleRef,
    reading: { readingKm: number; readOn: string; correction: boolean },
    field: 'readingKm' | 'odometerKm',
  ): Promise<ReadingRow> {
    const last = await lockedLastReading(vehicle.id);
    if (last !== null && reading.readingKm < last && !reading.correction) {
      const how =
        field === 'readingKm'
          ? 'send correction: true if the last one was wrong'
          : 'send odometerCorrection: true if the last one was wrong';
      throw new InvalidField(field, `is lower than the last reading (${last} km); ${how}`);
    }
    const created = await addRow(
      vehicle.documentId,
      reading.readingKm,
      reading.readOn,
      reading.correction,
    );
    await strapi
      .documents(VEHICLE_UID)
      .update({ documentId: vehicle.documentId, data: { odometerKm: reading.readingKm } });
    return created as unknown as ReadingRow;
  }

  return {
    /** The first reading of a new vehicle, dated today. Must run inside its transaction. */
    async recordFirst(vehicleDocumentId: string, readingKm: number): Promise<void> {
      await addRow(vehicleDocumentId, readingKm, today(), false);
    },

    /**
     * Applies a vehicle change's `odometerKm` through the history. `null` clears it only
     * while there is no reading: with readings it would either hide the history or do
     * nothing, and neither is what the owner asked, so it is a 400. Must run inside a
     * transaction.
     */
    async change(vehicle: VehicleRef, odometerKm: number | null, correction: boolean) {
      if (odometerKm === null) {
        const last = await lockedLastReading(vehicle.id);
        if (last !== null) {
          throw new InvalidField(
            'odometerKm',
            `cannot be cleared: the vehicle has odometer readings (the last is ${last} km); send a lower value with odometerCorrection: true to correct it`,
          );
        }
        return;
      }
      if ((await lockedLastReading(vehicle.id)) === odometerKm) return;
      await record(vehicle, { readingKm: odometerKm, readOn: today(), correction }, 'odometerKm');
    },

    /**
     * Records the odometer a completed service states, under the same rule as any reading
     * (a lower one needs `odometerCorrection`; the refusal names `odometerKm`). Must run
     * inside the caller's transaction; the caller forgets the owner's cached garage after.
     */
    async recordForService(
      vehicle: VehicleRef,
      reading: { readingKm: number; readOn: string; correction: boolean },
    ): Promise<void> {
      await record(vehicle, reading, 'odometerKm');
    },

    /** Adds a reading to an owner's vehicle (404 unless theirs). */
    async addReading(ownerId: number, documentId: string, input: OdometerInput): Promise<Reading> {
      const row = await findOwnedVehicle(strapi, ownerId, documentId);
      const reading = await strapi.db.transaction(() =>
        record(
          row,
          {
            readingKm: input.readingKm,
            readOn: input.readOn ?? today(),
            correction: input.correction,
          },
          'readingKm',
        ),
      );
      await sibling(strapi, 'vehicle-cache').forget(ownerId);
      return toReading(reading);
    },

    /** A page of an owner's vehicle's readings, newest first (404 unless theirs). */
    async readings(ownerId: number, documentId: string, query: PageQuery): Promise<Page<Reading>> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, documentId);
      return pages.page(READING_UID, vehicle.id, query, toReading);
    },
  };
};
