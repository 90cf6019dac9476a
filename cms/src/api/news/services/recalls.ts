import type { Core } from '@strapi/strapi';
import { NotFound } from '../../../lib/errors';
import { getCatalogService } from '../../catalog/services';
import type { CatalogNames } from '../../catalog/services/catalog-names';
import { findOwnedVehicle, VEHICLE_UID } from '../../vehicle/owned-vehicles';
import type { VehicleRow } from '../../vehicle/vehicle-view';
import { RECALL_STATUS_UID, type RecallSeverity, type RecallStatus } from '../news-uids';
import { bySeverityThenNewest, recallMatches } from '../rules/recall-match';
import type { PublishedRecall } from './recall-reader';

export interface RecallItem {
  recall: {
    id: string;
    campaignId: string;
    title: string;
    summary: string | null;
    make: { id: string; name: string };
    model: { id: string; name: string } | null;
    yearFrom: number;
    yearTo: number;
    severity: RecallSeverity;
    remedy: string | null;
    sourceUrl: string | null;
    publishedAt: string;
  };
  vehicle: { id: string; registrationNumber: string; label: string };
  status: RecallStatus;
  statusUpdatedAt: string | null;
}

/** What matching and an item read of a vehicle: the list query selects these columns only. */
const MATCHED_COLUMNS = [
  'documentId',
  'makeId',
  'modelId',
  'year',
  'nickname',
  'registrationNumber',
] as const satisfies ReadonlyArray<keyof VehicleRow>;
type MatchedVehicle = Pick<VehicleRow, (typeof MATCHED_COLUMNS)[number]>;

interface StatusRow {
  recallId: string;
  vehicleId: string;
  status: RecallStatus;
  updatedAt: string | Date;
}

/**
 * An owner's recalls: each published recall that matches one of their vehicles (make,
 * model when named, year range), with the owner's status for that vehicle (possible until
 * they say otherwise). Computed at read time, so a vehicle added after a recall's
 * publication shows it too.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = () =>
    strapi.service('api::news.recall-reader') as ReturnType<
      typeof import('./recall-reader').default
    >;
  const catalogNames = (locale: string) => getCatalogService(strapi, 'catalog-names').of(locale);

  function names(recall: PublishedRecall, lookup: CatalogNames) {
    return {
      make: { id: recall.makeId!, name: lookup.makes.get(recall.makeId!) ?? '' },
      model: recall.modelId
        ? { id: recall.modelId, name: lookup.models.get(recall.modelId)?.name ?? '' }
        : null,
    };
  }

  function vehicleLabel(vehicle: MatchedVehicle, lookup: CatalogNames) {
    if (vehicle.nickname) return vehicle.nickname;
    const model = lookup.models.get(vehicle.modelId);
    return model ? `${model.makeName} ${model.name}` : vehicle.registrationNumber;
  }

  function item(
    recall: PublishedRecall,
    vehicle: MatchedVehicle,
    status: StatusRow | undefined,
    lookup: CatalogNames,
  ): RecallItem {
    return {
      recall: {
        id: recall.id,
        campaignId: recall.campaignId,
        title: recall.title,
        summary: recall.summary,
        ...names(recall, lookup),
        yearFrom: recall.yearFrom!,
        yearTo: recall.yearTo!,
        severity: recall.severity,
        remedy: recall.remedy,
        sourceUrl: recall.sourceUrl,
        publishedAt: recall.publishedAt,
      },
      vehicle: {
        id: vehicle.documentId,
        registrationNumber: vehicle.registrationNumber,
        label: vehicleLabel(vehicle, lookup),
      },
      status: status?.status ?? 'possible',
      statusUpdatedAt: status ? new Date(status.updatedAt).toISOString() : null,
    };
  }

  return {
    async mine(ownerId: number, locale: string, vehicleId?: string): Promise<RecallItem[]> {
      const vehicles: MatchedVehicle[] = vehicleId
        ? [await findOwnedVehicle(strapi, ownerId, vehicleId)]
        : ((await strapi.db.query(VEHICLE_UID).findMany({
            where: { ownerId },
            select: [...MATCHED_COLUMNS],
          })) as MatchedVehicle[]);
      const recalls = await reader().ofMakes([...new Set(vehicles.map((v) => v.makeId))], locale);
      const pairs = recalls.flatMap((recall) =>
        vehicles
          .filter((vehicle) => recallMatches(recall, vehicle))
          .map((vehicle) => ({ recall, vehicle })),
      );
      if (pairs.length === 0) return [];
      const statuses = (await strapi.db.query(RECALL_STATUS_UID).findMany({
        where: { ownerId, recallId: { $in: [...new Set(pairs.map((pair) => pair.recall.id))] } },
      })) as StatusRow[];
      const statusOf = new Map(statuses.map((row) => [`${row.recallId}:${row.vehicleId}`, row]));
      pairs.sort(
        (a, b) =>
          bySeverityThenNewest(a.recall, b.recall) ||
          a.vehicle.registrationNumber.localeCompare(b.vehicle.registrationNumber),
      );
      const lookup = await catalogNames(locale);
      return pairs.map(({ recall, vehicle }) =>
        item(recall, vehicle, statusOf.get(`${recall.id}:${vehicle.documentId}`), lookup),
      );
    },

    /** Sets the owner's status of a recall for one vehicle; 404 unless it matches theirs. */
    async setStatus(
      ownerId: number,
      recallId: string,
      vehicleId: string,
      status: RecallStatus,
      locale: string,
    ): Promise<RecallItem> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      const recall = await reader().one(recallId, locale);
      if (!recall || !recallMatches(recall, vehicle)) throw new NotFound('Recall not found');
      const saved = await strapi.db.transaction(async () => {
        const where = { recallId, vehicleId };
        const existing = (await strapi.db.query(RECALL_STATUS_UID).findOne({ where })) as
          | (StatusRow & { id: number })
          | null;
        return (
          existing
            ? strapi.db
                .query(RECALL_STATUS_UID)
                .update({ where: { id: existing.id }, data: { status } })
            : strapi.db.query(RECALL_STATUS_UID).create({ data: { ...where, ownerId, status } })
        ) as Promise<StatusRow>;
      });
      return item(recall, vehicle, saved, await catalogNames(locale));
    },

    /** A deleted vehicle's statuses go with it. */
    async vehicleDeleted(vehicleId: string): Promise<void> {
      await strapi.db.query(RECALL_STATUS_UID).deleteMany({ where: { vehicleId } });
    },
  };
};
