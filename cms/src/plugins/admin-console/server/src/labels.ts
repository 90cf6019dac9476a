import type { Core } from '@strapi/strapi';
import { MAX_IDS, UIDS } from './constants';

/** What the list columns ask for: ids as the rows carry them. */
export interface LabelRequest {
  /** users-permissions user ids (vehicles', records' and reminders' `ownerId`). */
  owners: number[];
  /** Catalog make / model document ids (a vehicle's `makeId` / `modelId`). */
  makes: string[];
  models: string[];
  /** Vehicle document ids (records' and reminders' `vehicleId`, documents' `vehicle`). */
  vehicles: string[];
  /** Owner ids whose vehicles are counted (the owners list). */
  vehicleCounts: number[];
  /** Catalog names in this locale when it has them, else in the default locale. */
  locale: string;
}

export interface Labels {
  owners: Record<string, string>;
  makes: Record<string, string>;
  models: Record<string, string>;
  vehicles: Record<string, string>;
  vehicleCounts: Record<string, number>;
}

export class LabelInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DOCUMENT_ID = /^[A-Za-z0-9]{1,40}$/;
const LOCALE = /^[a-z]{2}(-[A-Za-z]{2,4})?$/;

function list(query: Record<string, unknown>, field: string): string[] {
  const raw = query[field];
  if (raw === undefined || raw === '') return [];
  if (typeof raw !== 'string')
    throw new LabelInputError(field, `${field} must be one comma-separated list`);
  const values = [...new Set(raw.split(',').filter(Boolean))];
  if (values.length > MAX_IDS)
    throw new LabelInputError(field, `${field} takes at most ${MAX_IDS} ids`);
  return values;
}

function ids(query: Record<string, unknown>, field: string): number[] {
  return list(query, field).map((value) => {
    const id = Number(value);
    if (!Number.isSafeInteger(id) || id < 1) {
      throw new LabelInputError(field, `${field} must list whole numbers from 1`);
    }
    return id;
  });
}

function documentIds(query: Record<string, unknown>, field: string): string[] {
  const values = list(query, field);
  const bad = values.find((value) => !DOCUMENT_ID.test(value));
  if (bad !== undefined) throw new LabelInputError(field, `${field} must list document ids`);
  return values;
}

/** Reads and checks the query of GET /admin-console/labels; throws LabelInputError. */
export function parseLabelRequest(query: Record<string, unknown>): LabelRequest {
  const locale = typeof query.locale === 'string' && query.locale ? query.locale : 'en';
  if (!LOCALE.test(locale)) throw new LabelInputError('locale', 'locale must be a locale code');
  return {
    owners: ids(query, 'owners'),
    makes: documentIds(query, 'makes'),
    models: documentIds(query, 'models'),
    vehicles: documentIds(query, 'vehicles'),
    vehicleCounts: ids(query, 'vehicleCounts'),
    locale,
  };
}

type Row = Record<string, unknown>;

const exists = (strapi: Core.Strapi, uid: string) =>
  Boolean((strapi.contentTypes as unknown as Record<string, unknown>)[uid]);

/**
 * Names for a document's rows: with i18n, the row in `locale` when there is one, else the
 * first (the default locale's). One query for all the ids.
 */
async function names(
  strapi: Core.Strapi,
  uid: string,
  documentIds: string[],
  field: string,
  locale: string,
): Promise<Record<string, string>> {
  if (documentIds.length === 0 || !exists(strapi, uid)) return {};
  const localized = 'locale' in strapi.db.metadata.get(uid).attributes;
  const rows = (await strapi.db.query(uid).findMany({
    select: localized ? ['documentId', field, 'locale'] : ['documentId', field],
    where: { documentId: { $in: documentIds } },
    orderBy: { id: 'asc' },
  })) as Row[];
  const result: Record<string, string> = {};
  for (const row of rows) {
    const key = String(row.documentId);
    if (!(key in result) || row.locale === locale) result[key] = String(row[field] ?? '');
  }
  return result;
}

/** One batched read per kind asked for: what a list page's injected columns show. */
export async function lookUpLabels(
  strapi: Core.Strapi,
  request: LabelRequest,
  canReadOwners: boolean,
): Promise<Labels> {
  const owners: Record<string, string> = {};
  if (canReadOwners && request.owners.length > 0) {
    const rows = (await strapi.db.query(UIDS.owner).findMany({
      select: ['id', 'email'],
      where: { id: { $in: request.owners } },
    })) as Row[];
    for (const row of rows) owners[String(row.id)] = String(row.email);
  }

  const vehicleCounts: Record<string, number> = {};
  if (request.vehicleCounts.length > 0 && exists(strapi, UIDS.vehicle)) {
    const metadata = strapi.db.metadata.get(UIDS.vehicle);
    const column =
      (metadata.attributes.ownerId as { columnName?: string } | undefined)?.columnName ??
      'owner_id';
    const rows = (await strapi.db
      .connection(metadata.tableName)
      .select(`${column} as owner`)
      .count('* as vehicles')
      .whereIn(column, request.vehicleCounts)
      .groupBy(column)) as Array<{ owner: number; vehicles: string | number }>;
    for (const id of request.vehicleCounts) vehicleCounts[String(id)] = 0;
    for (const row of rows) vehicleCounts[String(row.owner)] = Number(row.vehicles);
  }

  const [makes, models, vehicles] = await Promise.all([
    names(strapi, UIDS.make, request.makes, 'name', request.locale),
    names(strapi, UIDS.model, request.models, 'name', request.locale),
    names(strapi, UIDS.vehicle, request.vehicles, 'registrationNumber', request.locale),
  ]);
  return { owners, makes, models, vehicles, vehicleCounts };
}
