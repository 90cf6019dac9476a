import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { clearable } from '../../../lib/documents';
import { publishDomainEvent } from '../../../lib/domain-events';
import { loadEnv } from '../../../lib/env';
import { Conflict, InvalidField } from '../../../lib/errors';
import { pageQuery, type Page } from '../../../lib/pagination';
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
import { createRecordCursorCodec } from '../record-cursor';
import { SERVICE_STATUSES, type ServiceRecordChangeInput } from '../record-input';
import { frozenField } from '../rules/transitions';

const NEPAL_OFFSET = '+05:45';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (the owner's, Nepal time) or an exact instant. */
const dayOrInstant = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value)), {
    message: 'must be a date (YYYY-MM-DD) or a date and time',
  });

/** `GET /service-records` query: filters and a keyset page. */
export const recordListQuery = {
  ...pageQuery.shape,
  vehicle: z.string().max(40).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  from: dayOrInstant.optional(),
  to: dayOrInstant.optional(),
};

export interface RecordFilters {
  limit: number;
  cursor?: string;
  vehicle?: string;
  status?: (typeof SERVICE_STATUSES)[number];
  from?: string;
  to?: string;
}

/** `from` is the start of its day in Nepal, `to` the end of its day: both inclusive. */
const fromInstant = (value: string) =>
  new Date(DAY.test(value) ? `${value}T00:00:00${NEPAL_OFFSET}` : value);
const toInstant = (value: string) =>
  DAY.test(value)
    ? new Date(new Date(`${value}T00:00:00${NEPAL_OFFSET}`).getTime() + 86_400_000 - 1)
    : new Date(value);

/** Reading, changing and deleting an owner's service records. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cursors = createRecordCursorCodec(`service-records:${loadEnv().appKeys[0]}`);

  async function removeRow(row: Pick<ServiceRecordRow, 'documentId' | 'ownerId' | 'vehicleId'>) {
    await publishDomainEvent(strapi, 'service-record.deleted', {
      ownerId: row.ownerId,
      vehicleId: row.vehicleId,
      serviceRecordId: row.documentId,
    });
    await strapi.documents(SERVICE_RECORD_UID).delete({ documentId: row.documentId });
  }

  return {
    /** A page of the owner's records, newest date first; another owner's vehicle is a 404. */
    async list(
      ownerId: number,
      filters: RecordFilters,
      locale: string,
    ): Promise<Page<ServiceRecord>> {
      if (filters.vehicle) await findRecordVehicle(strapi, ownerId, filters.vehicle);
      const from = filters.from ? fromInstant(filters.from) : null;
      const to = filters.to ? toInstant(filters.to) : null;
      if (from && to && to < from) throw new InvalidField('to', 'must not be before from');
      const after = filters.cursor ? cursors.decode(filters.cursor) : null;
      const where: Record<string, unknown> = {
        ownerId,
        ...(filters.vehicle ? { vehicleId: filters.vehicle } : {}),
        ...(filters.status ? { status: filters.status } : {}),
      };
      const dateRange = {
        ...(from ? { $gte: from } : {}),
        ...(to ? { $lte: to } : {}),
      };
      const and: Record<string, unknown>[] = [];
      if (Object.keys(dateRange).length > 0) and.push({ serviceAt: dateRange });
      if (after) {
        const at = new Date(after.at);
        and.push({ $or: [{ serviceAt: { $lt: at } }, { serviceAt: at, id: { $lt: after.id } }] });
      }
      if (and.length > 0) where.$and = and;
      const rows = (await strapi.db.query(SERVICE_RECORD_UID).findMany({
        where,
        orderBy: [{ serviceAt: 'desc' }, { id: 'desc' }],
        limit: filters.limit + 1,
      })) as ServiceRecordRow[];
      const pageRows = rows.slice(0, filters.limit);
      const last = pageRows.at(-1);
      return {
        data: pageRows.map((row) => toServiceRecord(row, locale)),
        meta: {
          pagination: {
            limit: filters.limit,
            nextCursor:
              rows.length > filters.limit && last
                ? cursors.encode({ at: new Date(last.serviceAt).getTime(), id: last.id })
                : null,
          },
        },
      };
    },

    /** The owner's record row, for another domain that points at it; others' are a 404. */
    async ownedRow(ownerId: number, documentId: string): Promise<ServiceRecordRow> {
      return findOwnedRecord(strapi, ownerId, documentId);
    },

    async findOne(ownerId: number, documentId: string, locale: string): Promise<ServiceRecord> {
      return toServiceRecord(await findOwnedRecord(strapi, ownerId, documentId), locale);
    },

    /**
     * Changes what the record's status still lets change (rules/transitions.ts): a field it
     * does not is a 409 naming it. The bill and the kind are checked as they will be stored.
     */
    async update(
      ownerId: number,
      documentId: string,
      change: ServiceRecordChangeInput,
      locale: string,
    ): Promise<ServiceRecord> {
      const row = await findOwnedRecord(strapi, ownerId, documentId);
      const frozen = frozenField(row.status, change);
      if (frozen) {
        throw new Conflict(frozen, `cannot change: the service is ${row.status}`);
      }
      const kind = change.kind ?? row.kind;
      const kindLabel = change.kindLabel !== undefined ? change.kindLabel : row.kindLabel;
      assertKindLabel(kind, kindLabel);
      const bill = settledBill(
        // New lines without a total take their sum; the stored total goes with the old lines.
        change.costPaisa !== undefined
          ? change.costPaisa
          : change.lineItems
            ? undefined
            : row.costPaisa,
        change.lineItems ?? toServiceRecord(row, locale).lineItems,
      );
      const scheduledAt = change.scheduledAt ? new Date(change.scheduledAt) : undefined;
      const { serviceCenter, ...fields } = change;
      const center = await serviceCenterField(strapi, serviceCenter);
      const updated = await strapi.documents(SERVICE_RECORD_UID).update({
        documentId,
        data: clearable(SERVICE_RECORD_UID, {
          ...fields,
          ...center,
          ...bill,
          ...(scheduledAt ? { scheduledAt, serviceAt: scheduledAt } : {}),
        }),
      });
      return toServiceRecord(updated as unknown as ServiceRecordRow, locale);
    },

    /** Deletes a record; 'service-record.deleted' tells its attachments, in one transaction. */
    async remove(ownerId: number, documentId: string): Promise<void> {
      const row = await findOwnedRecord(strapi, ownerId, documentId);
      await strapi.db.transaction(() => removeRow(row));
    },

    /** Deletes every record of a deleted vehicle, in the deleting transaction. */
    async removeForVehicle(ownerId: number, vehicleId: string): Promise<void> {
      const rows = (await strapi.db.query(SERVICE_RECORD_UID).findMany({
        where: { ownerId, vehicleId },
        select: ['documentId', 'ownerId', 'vehicleId'],
      })) as Array<Pick<ServiceRecordRow, 'documentId' | 'ownerId' | 'vehicleId'>>;
      for (const row of rows) await removeRow(row);
    },
  };
};
