import type { Core } from '@strapi/strapi';
import type { CalendarSource } from '../calendar/sources';
import { serviceKindName } from '../catalog/service-kinds';
import { SERVICE_RECORD_UID, type ServiceRecordRow } from './owned-records';

const VEHICLE_UID = 'api::vehicle.vehicle';

/** How far back a feed reaches: phone calendars need no decade of oil changes. */
const HISTORY_MS = 2 * 366 * 24 * 60 * 60 * 1000;

const DONE = { en: 'done', ne: 'सम्पन्न' };

/** An owner's scheduled and completed services, as calendar events. */
export function serviceRecordCalendarSource(strapi: Core.Strapi): CalendarSource {
  return {
    name: 'service-records',
    async events(ownerId, locale) {
      const rows = (await strapi.db.query(SERVICE_RECORD_UID).findMany({
        where: {
          ownerId,
          status: { $in: ['scheduled', 'completed'] },
          serviceAt: { $gte: new Date(Date.now() - HISTORY_MS) },
        },
        orderBy: [{ serviceAt: 'asc' }, { id: 'asc' }],
        limit: 2000,
      })) as ServiceRecordRow[];
      const vehicleIds = [...new Set(rows.map((row) => row.vehicleId))];
      const vehicles = (await strapi.db.query(VEHICLE_UID).findMany({
        where: { documentId: { $in: vehicleIds }, ownerId },
        select: ['documentId', 'nickname', 'registrationNumber'],
      })) as Array<{ documentId: string; nickname: string | null; registrationNumber: string }>;
      const names = new Map(
        vehicles.map((vehicle) => [
          vehicle.documentId,
          vehicle.nickname || vehicle.registrationNumber,
        ]),
      );
      return rows.map((row) => {
        const kind =
          row.kind === 'other' && row.kindLabel ? row.kindLabel : serviceKindName(row.kind, locale);
        const done = row.status === 'completed' ? ` (${locale === 'ne' ? DONE.ne : DONE.en})` : '';
        return {
          uid: `${row.documentId}@motorghar`,
          start: new Date(row.serviceAt),
          summary: `${names.get(row.vehicleId) ?? ''}: ${kind}${done}`,
          location: row.centerName ?? undefined,
          description: row.notes ?? undefined,
          updatedAt: new Date(row.updatedAt),
        };
      });
    },
  };
}
