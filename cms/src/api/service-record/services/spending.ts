import type { Core } from '@strapi/strapi';
import { findRecordVehicle, SERVICE_RECORD_UID } from '../owned-records';
import { spendingOf, type CompletedService, type Spending } from '../rules/spending';

/** What an owner spent on a vehicle: by month, by kind, in all, and per km. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ofVehicle(
    ownerId: number,
    vehicleId: string,
    locale: string,
    now = new Date(),
  ): Promise<Spending & { vehicleId: string }> {
    await findRecordVehicle(strapi, ownerId, vehicleId);
    const services = (await strapi.db.query(SERVICE_RECORD_UID).findMany({
      where: { ownerId, vehicleId, status: 'completed' },
      select: ['completedAt', 'kind', 'costPaisa', 'odometerKm'],
    })) as CompletedService[];
    const normalised = services.map((service) => ({
      ...service,
      costPaisa: service.costPaisa === null ? null : Number(service.costPaisa),
      completedAt: new Date(service.completedAt).toISOString(),
    }));
    return { vehicleId, ...spendingOf(normalised, locale, now) };
  },
});
