import type { Core } from '@strapi/strapi';
import { NotFound } from '../../lib/errors';
import { serviceKindName } from '../catalog/service-kinds';
import type { ServiceStatus } from './record-input';
import type { LineItem } from './rules/line-items';

export const SERVICE_RECORD_UID = 'api::service-record.service-record';
const VEHICLE_UID = 'api::vehicle.vehicle';

export interface ServiceRecordRow {
  id: number;
  documentId: string;
  ownerId: number;
  vehicleId: string;
  status: ServiceStatus;
  scheduledAt: string | null;
  completedAt: string | null;
  serviceAt: string;
  kind: string;
  kindLabel: string | null;
  odometerKm: number | null;
  costPaisa: number | null;
  lineItems: LineItem[] | null;
  centerName: string | null;
  serviceCenterId?: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The directory's center a record points at; slug and name are filled by `withCenters`. */
export interface CenterRef {
  id: string;
  slug: string | null;
  name: string | null;
}

/** A service record as the owner API answers it; money in integer paisa. */
export interface ServiceRecord {
  id: string;
  vehicleId: string;
  status: ServiceStatus;
  /** When it happened (completedAt) or is planned (scheduledAt): what lists order by. */
  date: string;
  scheduledAt: string | null;
  completedAt: string | null;
  kind: string;
  /** The kind's name in the asked language. */
  kindName: string;
  kindLabel: string | null;
  odometerKm: number | null;
  currency: 'NPR';
  costPaisa: number | null;
  lineItems: LineItem[];
  centerName: string | null;
  /** A center of the directory (`centerName` stays for places not in it). */
  serviceCenter: CenterRef | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export function toServiceRecord(row: ServiceRecordRow, locale: string): ServiceRecord {
  return {
    id: row.documentId,
    vehicleId: row.vehicleId,
    status: row.status,
    date: new Date(row.serviceAt).toISOString(),
    scheduledAt: iso(row.scheduledAt),
    completedAt: iso(row.completedAt),
    kind: row.kind,
    kindName: serviceKindName(row.kind, locale),
    kindLabel: row.kindLabel ?? null,
    odometerKm: row.odometerKm ?? null,
    currency: 'NPR',
    costPaisa: row.costPaisa === null || row.costPaisa === undefined ? null : Number(row.costPaisa),
    lineItems:
      (typeof row.lineItems === 'string' ? JSON.parse(row.lineItems) : row.lineItems) ?? [],
    centerName: row.centerName ?? null,
    serviceCenter: row.serviceCenterId ? { id: row.serviceCenterId, slug: null, name: null } : null,
    notes: row.notes ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** An owner's service record; someone else's (or none) is a 404, never a 403. */
export async function findOwnedRecord(
  strapi: Core.Strapi,
  ownerId: number,
  documentId: string,
): Promise<ServiceRecordRow> {
  const row = (await strapi.db
    .query(SERVICE_RECORD_UID)
    .findOne({ where: { documentId, ownerId } })) as ServiceRecordRow | null;
  if (!row) throw new NotFound('Service record not found');
  return row;
}

export interface OwnedVehicle {
  id: number;
  documentId: string;
  nickname: string | null;
  registrationNumber: string;
}

/** An owner's vehicle, as records point at it; someone else's (or none) is a 404. */
export async function findRecordVehicle(
  strapi: Core.Strapi,
  ownerId: number,
  documentId: string,
): Promise<OwnedVehicle> {
  const row = (await strapi.db.query(VEHICLE_UID).findOne({
    where: { documentId, ownerId },
    select: ['id', 'documentId', 'nickname', 'registrationNumber'],
  })) as OwnedVehicle | null;
  if (!row) throw new NotFound('Vehicle not found');
  return row;
}
