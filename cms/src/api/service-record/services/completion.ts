import type { Core } from '@strapi/strapi';
import { clearable } from '../../../lib/documents';
import { publishDomainEvent } from '../../../lib/domain-events';
import { Conflict } from '../../../lib/errors';
import { getVehicleService } from '../../vehicle/services';
import { assertKindLabel, settledBill } from '../bill';
import { serviceCenterField } from '../centers';
import {
  findOwnedRecord,
  findRecordVehicle,
  SERVICE_RECORD_UID,
  toServiceRecord,
  type ServiceRecord,
  type ServiceRecordRow,
} from '../owned-records';
import type { CompletionInput } from '../record-input';
import { canLeave } from '../rules/transitions';

const NEPAL_OFFSET_MS = (5 * 60 + 45) * 60 * 1000;
/** The owner's calendar day (Nepal time) of an instant: the date of the odometer reading. */
const nepalDay = (instant: Date) =>
  new Date(instant.getTime() + NEPAL_OFFSET_MS).toISOString().slice(0, 10);

/**
 * A service reaching `completed` and what comes with it: the odometer reading it states
 * (through the vehicle domain, under its "never lower" rule) and 'service-record.completed'
 * for reminders, all in the transaction that changes the status.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Locks a record's row for the rest of the transaction (PostgreSQL; SQLite has one writer). */
  async function lockRecord(id: number): Promise<void> {
    if (strapi.db.dialect.client !== 'postgres') return;
    const { tableName } = strapi.db.metadata.get(SERVICE_RECORD_UID);
    await strapi.db.transaction(({ trx }) =>
      strapi.db.connection(tableName).transacting(trx).where('id', id).forUpdate().select('id'),
    );
  }

  const completion = {
    /**
     * What follows a record stored as completed: its odometer reading and the domain event.
     * Must run inside the transaction that stored it.
     */
    async afterCompleted(
      row: ServiceRecordRow,
      odometer: { km: number | undefined; correction: boolean },
    ): Promise<void> {
      const completedAt = new Date(row.completedAt ?? row.serviceAt);
      if (odometer.km !== undefined) {
        const vehicle = await findRecordVehicle(strapi, row.ownerId, row.vehicleId);
        await getVehicleService(strapi, 'odometer').recordForService(vehicle, {
          readingKm: odometer.km,
          readOn: nepalDay(completedAt),
          correction: odometer.correction,
        });
      }
      await publishDomainEvent(strapi, 'service-record.completed', {
        ownerId: row.ownerId,
        vehicleId: row.vehicleId,
        serviceRecordId: row.documentId,
        kind: row.kind,
        completedAt: completedAt.toISOString(),
        odometerKm: odometer.km ?? null,
      });
    },

    /** Completes a scheduled service; a completed or cancelled one is a 409 on `status`. */
    async complete(
      ownerId: number,
      documentId: string,
      input: CompletionInput,
      locale: string,
    ): Promise<ServiceRecord> {
      const found = await findOwnedRecord(strapi, ownerId, documentId);
      const updated = await strapi.db.transaction(async () => {
        await lockRecord(found.id);
        const row = await findOwnedRecord(strapi, ownerId, documentId);
        if (!canLeave(row.status)) {
          throw new Conflict(
            'status',
            `is ${row.status}; only a scheduled service can be completed`,
          );
        }
        assertKindLabel(row.kind, row.kindLabel);
        const bill = settledBill(
          // New lines without a total take their sum; the stored total goes with the old lines.
          input.costPaisa !== undefined
            ? input.costPaisa
            : input.lineItems
              ? undefined
              : row.costPaisa,
          input.lineItems ?? toServiceRecord(row, locale).lineItems,
        );
        const completedAt = new Date(input.completedAt);
        const center = await serviceCenterField(strapi, input.serviceCenter);
        const stored = (await strapi.documents(SERVICE_RECORD_UID).update({
          documentId,
          data: clearable(SERVICE_RECORD_UID, {
            status: 'completed',
            completedAt,
            serviceAt: completedAt,
            ...(input.odometerKm !== undefined ? { odometerKm: input.odometerKm } : {}),
            ...(input.centerName !== undefined ? { centerName: input.centerName } : {}),
            ...center,
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            ...bill,
          }),
        })) as unknown as ServiceRecordRow;
        await completion.afterCompleted(stored, {
          km: input.odometerKm,
          correction: input.odometerCorrection ?? false,
        });
        return stored;
      });
      if (input.odometerKm !== undefined) {
        await getVehicleService(strapi, 'vehicle-cache').forget(ownerId);
      }
      return toServiceRecord(updated, locale);
    },

    /** Cancels a scheduled service; a completed or cancelled one is a 409 on `status`. */
    async cancel(ownerId: number, documentId: string, locale: string): Promise<ServiceRecord> {
      const found = await findOwnedRecord(strapi, ownerId, documentId);
      const updated = await strapi.db.transaction(async () => {
        await lockRecord(found.id);
        const row = await findOwnedRecord(strapi, ownerId, documentId);
        if (!canLeave(row.status)) {
          throw new Conflict(
            'status',
            `is ${row.status}; only a scheduled service can be cancelled`,
          );
        }
        return strapi
          .documents(SERVICE_RECORD_UID)
          .update({ documentId, data: { status: 'cancelled' } });
      });
      return toServiceRecord(updated as unknown as ServiceRecordRow, locale);
    },
  };
  return completion;
};
