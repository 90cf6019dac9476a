import type { Core } from '@strapi/strapi';
import { clearable } from '../../../lib/documents';
import { serviceGetter } from '../../../lib/services';
import { getVehicleService } from '../../vehicle/services';
import { assertKindLabel, settledBill } from '../bill';
import { serviceCenterField } from '../centers';
import { claimKey, settleKey, type KeyClaim } from '../idempotency';
import {
  findOwnedRecord,
  findRecordVehicle,
  SERVICE_RECORD_UID,
  toServiceRecord,
  type ServiceRecord,
  type ServiceRecordRow,
} from '../owned-records';
import type { NewServiceRecordInput } from '../record-input';
import type completion from './completion';

const sibling = serviceGetter<{ completion: typeof completion }>('service-record');

export interface Created {
  record: ServiceRecord;
  /** True when an `Idempotency-Key` answered with the record an earlier request made. */
  replayed: boolean;
}

/**
 * Creating a record, scheduled or already completed, once per `Idempotency-Key`: the key is
 * claimed in the transaction that creates the record, so a retry, even one racing the first
 * request, gets the first record back and never makes a second.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(
    ownerId: number,
    input: NewServiceRecordInput,
    locale: string,
    claim?: Omit<KeyClaim, 'ownerId'>,
  ): Promise<Created> {
    await findRecordVehicle(strapi, ownerId, input.vehicleId);
    assertKindLabel(input.kind, input.kindLabel);
    const center = await serviceCenterField(strapi, input.serviceCenter);
    const bill = settledBill(input.costPaisa, input.lineItems);
    const completed = input.status === 'completed';
    const at = new Date((completed ? input.completedAt : input.scheduledAt) as string);
    const key = claim ? { ...claim, ownerId } : null;

    const outcome = await strapi.db.transaction(async ({ trx }) => {
      if (key) {
        const { existing } = await claimKey(trx, key);
        if (existing) return { existing };
      }
      const created = (await strapi.documents(SERVICE_RECORD_UID).create({
        data: clearable(SERVICE_RECORD_UID, {
          ownerId,
          vehicleId: input.vehicleId,
          status: input.status,
          scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : at,
          completedAt: completed ? at : null,
          serviceAt: at,
          kind: input.kind,
          kindLabel: input.kindLabel ?? null,
          odometerKm: input.odometerKm ?? null,
          centerName: input.centerName ?? null,
          serviceCenterId: center.serviceCenterId ?? null,
          notes: input.notes ?? null,
          ...bill,
        }),
      })) as unknown as ServiceRecordRow;
      if (completed) {
        await sibling(strapi, 'completion').afterCompleted(created, {
          km: input.odometerKm,
          correction: input.odometerCorrection ?? false,
        });
      }
      if (key) await settleKey(trx, key, created.documentId);
      return { created };
    });

    if ('existing' in outcome && outcome.existing) {
      const row = await findOwnedRecord(strapi, ownerId, outcome.existing);
      return { record: toServiceRecord(row, locale), replayed: true };
    }
    if (input.odometerKm !== undefined) {
      await getVehicleService(strapi, 'vehicle-cache').forget(ownerId);
    }
    return {
      record: toServiceRecord(outcome.created as ServiceRecordRow, locale),
      replayed: false,
    };
  },
});
