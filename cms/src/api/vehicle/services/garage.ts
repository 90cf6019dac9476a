import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Histogram } from 'prom-client';
import { cachedRead } from '../../../lib/cache/cached-read';
import { loadEnv } from '../../../lib/env';
import { conflictError } from '../../../lib/errors';
import { createCursorCodec, toPage, type Page, type PageQuery } from '../../../lib/pagination';
import type { ModelDetail } from '../../catalog/services/catalog';
import type { NewVehicleInput, OdometerInput, VehicleChangeInput } from '../vehicle-input';
import { forgetGarage, ownerCachePrefix } from '../garage-cache';
import { findOwnedVehicle } from '../owned-vehicles';
import { toVehicle, type Photo, type Vehicle, type VehicleRow } from '../vehicle-view';
import { createMediaUrls, STORED_FILE_FIELDS } from '../../../lib/media/media-urls';
import { getCatalogService } from '../../catalog/services';
import { getMetrics } from '../../../lib/infrastructure';

const VEHICLE = 'api::vehicle.vehicle';
const READING = 'api::vehicle.odometer-reading';
const NOTE = 'api::vehicle.vehicle-note';

const CACHE_TTL_SECONDS = 5 * 60;

const fieldError = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(String(error));
};

const today = () => new Date().toISOString().slice(0, 10);

/** An owner's garage: their vehicles and odometer; another owner's vehicle is never found. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => getCatalogService(strapi, 'catalog');
  const vehicles = () => strapi.db.query(VEHICLE);
  const cursors = createCursorCodec(`vehicles:${loadEnv().appKeys[0]}`);
  const listDuration = new Histogram({
    name: 'vehicle_list_duration_seconds',
    help: "Time to answer an owner's vehicle list, cache included",
    labelNames: ['cache'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [getMetrics(strapi).registry],
  });

  const modelOrNull = (modelId: string, locale: string) =>
    catalog()
      .model(modelId, locale)
      .catch((error: unknown) => {
        if (error instanceof errors.NotFoundError) return null;
        throw error;
      });

  const media = createMediaUrls(strapi);
  const photosOf = (row: VehicleRow): Promise<Photo[]> =>
    Promise.all(
      (row.photos ?? []).map(async (photo) => ({ id: photo.id, ...(await media.urlsOf(photo)) })),
    );

  const present = async (row: VehicleRow, locale: string) =>
    toVehicle(row, await modelOrNull(row.modelId, locale), await photosOf(row));

  /** Presents a page of rows, looking each catalog model up once however often it occurs. */
  async function presentAll(rows: VehicleRow[], locale: string): Promise<Vehicle[]> {
    const modelIds = [...new Set(rows.map((row) => row.modelId))];
    const models = new Map(
      await Promise.all(
        modelIds.map(async (modelId) => [modelId, await modelOrNull(modelId, locale)] as const),
      ),
    );
    return Promise.all(
      rows.map(async (row) => toVehicle(row, models.get(row.modelId) ?? null, await photosOf(row))),
    );
  }

  const garageCacheOn = loadEnv().GARAGE_CACHE;
  /** Reads through the garage cache unless GARAGE_CACHE=false. */
  const throughCache = <T>(key: string, read: () => Promise<T>): Promise<T> =>
    garageCacheOn
      ? cachedRead(strapi, 'vehicles', key, media.cacheSeconds(CACHE_TTL_SECONDS), read)
      : read();

  const invalidate = (ownerId: number) => forgetGarage(strapi, ownerId);

  const ownedRow = (ownerId: number, documentId: string) =>
    findOwnedVehicle(strapi, ownerId, documentId);

  /**
   * One keyset page of an owner's vehicles, newest first. The ids come from an index-only
   * scan of (owner_id, id); asking for whole rows in one query lets PostgreSQL walk the
   * primary key instead and filter the whole table for an owner with thousands of
   * vehicles (measured: 15 ms on the last page of a 5,000-vehicle fleet, against 0.1 ms).
   */
  async function pageRows(ownerId: number, afterId: number | null, count: number) {
    const { tableName, attributes } = strapi.db.metadata.get(VEHICLE);
    const ownerColumn = (attributes.ownerId as { columnName?: string }).columnName ?? 'owner_id';
    const idQuery = strapi.db.connection(tableName).select('id').where(ownerColumn, ownerId);
    if (afterId !== null) idQuery.where('id', '<', afterId);
    const ids = ((await idQuery.orderBy('id', 'desc').limit(count)) as Array<{ id: number }>).map(
      (row) => row.id,
    );
    if (ids.length === 0) return [];
    const rows = (await vehicles().findMany({
      where: { id: { $in: ids } },
      populate: { photos: { select: ['id', ...STORED_FILE_FIELDS] } },
    })) as VehicleRow[];
    return rows.sort((a, b) => b.id - a.id);
  }

  /** Checks the make → model → trim → year chain against the catalog. */
  async function checkCatalogChoice(choice: {
    makeId: string;
    modelId: string;
    trimId?: string | null;
    year: number;
    fuel?: string | null;
  }): Promise<ModelDetail> {
    const model = await modelOrNull(choice.modelId, 'en');
    if (!model) throw fieldError('modelId', 'is not a model of the catalog');
    if (model.make.id !== choice.makeId)
      throw fieldError('modelId', 'does not belong to that make');
    if (choice.trimId && !model.trims.some((trim) => trim.id === choice.trimId)) {
      throw fieldError('trimId', 'is not a trim of that model');
    }
    const currentYear = new Date().getFullYear();
    if (choice.year > currentYear) throw fieldError('year', 'must not be in the future');
    const lastYear = Math.min(model.yearTo ?? currentYear, currentYear);
    if (choice.year < model.yearFrom || choice.year > lastYear) {
      throw fieldError('year', `must be between ${model.yearFrom} and ${lastYear} for this model`);
    }
    if (choice.fuel && !model.fuelTypes.includes(choice.fuel)) {
      throw fieldError('fuel', `must be one of ${model.fuelTypes.join(', ')} for this model`);
    }
    return model;
  }

  async function assertRegistrationFree(key: string, exceptId?: number): Promise<void> {
    const taken = await vehicles().findOne({
      where: { registrationKey: key, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
      select: ['id'],
    });
    if (taken)
      throw conflictError('registrationNumber', 'This registration number is already registered');
  }

  /** Writes a vehicle, turning a lost race on the unique registration key into a 409. */
  async function guardedWrite<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await strapi.db.transaction(write);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflictError('registrationNumber', 'This registration number is already registered');
      }
      throw error;
    }
  }

  const addReading = (
    vehicleDocumentId: string,
    readingKm: number,
    readOn: string,
    correction: boolean,
  ) =>
    strapi.documents(READING).create({
      data: { vehicle: vehicleDocumentId, readingKm, readOn, correction } as never,
    });

  /**
   * The newest recorded reading of a vehicle, read after locking the vehicle's row for the
   * rest of the transaction: two readings at once are then checked one after the other, so
   * neither can slip below the other. SQLite (development only) has one writer at a time.
   */
  async function lockedLastReading(vehicleId: number): Promise<number | null> {
    if (strapi.db.dialect.client === 'postgres') {
      const { tableName } = strapi.db.metadata.get(VEHICLE);
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
    const [last] = (await strapi.db.query(READING).findMany({
      where: { vehicle: { id: vehicleId } },
      select: ['readingKm'],
      orderBy: { id: 'desc' },
      limit: 1,
    })) as Array<{ readingKm: number }>;
    return last ? last.readingKm : null;
  }

  /**
   * Records `readingKm` as the vehicle's odometer. The floor is the recorded history (its
   * newest reading, which a correction may have lowered), never the vehicle's `odometerKm`:
   * that is a copy for display, kept equal to the newest reading here. Must run inside a
   * transaction; `field` is what a refusal names.
   */
  async function recordReading(
    vehicle: { id: number; documentId: string },
    reading: { readingKm: number; readOn: string; correction: boolean },
    field: 'readingKm' | 'odometerKm',
  ) {
    const last = await lockedLastReading(vehicle.id);
    if (last !== null && reading.readingKm < last && !reading.correction) {
      const how =
        field === 'readingKm'
          ? 'send correction: true if the last one was wrong'
          : 'send odometerCorrection: true if the last one was wrong';
      throw fieldError(field, `is lower than the last reading (${last} km); ${how}`);
    }
    const created = await addReading(
      vehicle.documentId,
      reading.readingKm,
      reading.readOn,
      reading.correction,
    );
    await strapi
      .documents(VEHICLE)
      .update({ documentId: vehicle.documentId, data: { odometerKm: reading.readingKm } as never });
    return created;
  }

  /**
   * Applies a vehicle change's `odometerKm` through the history. `null` clears it only while
   * there is no reading: with readings it would either hide the history or do nothing, and
   * neither is what the owner asked, so it is a 400. Must run inside a transaction.
   */
  async function changeOdometer(
    vehicle: { id: number; documentId: string },
    odometerKm: number | null,
    correction: boolean,
  ) {
    if (odometerKm === null) {
      const last = await lockedLastReading(vehicle.id);
      if (last !== null) {
        throw fieldError(
          'odometerKm',
          `cannot be cleared: the vehicle has odometer readings (the last is ${last} km); send a lower value with odometerCorrection: true to correct it`,
        );
      }
      return;
    }
    if ((await lockedLastReading(vehicle.id)) === odometerKm) return;
    await recordReading(
      vehicle,
      { readingKm: odometerKm, readOn: today(), correction },
      'odometerKm',
    );
  }

  return {
    cursors,

    async list(ownerId: number, query: PageQuery, locale: string): Promise<Page<Vehicle>> {
      const afterId = query.cursor ? cursors.decode(query.cursor) : null;
      const key = `${ownerCachePrefix(ownerId)}list:${locale}:${query.limit}:${afterId ?? 'first'}`;
      const stopTimer = listDuration.startTimer();
      let cache = garageCacheOn ? 'hit' : 'off';
      const page = await throughCache(key, async () => {
        cache = 'miss';
        const rows = await pageRows(ownerId, afterId, query.limit + 1);
        const presented = await presentAll(rows.slice(0, query.limit), locale);
        return toPage(
          rows,
          query.limit,
          (id) => cursors.encode(id),
          (_row, index) => presented[index],
        );
      });
      stopTimer({ cache });
      return page;
    },

    async findOne(ownerId: number, documentId: string, locale: string): Promise<Vehicle> {
      const key = `${ownerCachePrefix(ownerId)}one:${documentId}:${locale}`;
      return throughCache(key, async () => present(await ownedRow(ownerId, documentId), locale));
    },

    async create(ownerId: number, input: NewVehicleInput, locale: string): Promise<Vehicle> {
      await checkCatalogChoice(input);
      await assertRegistrationFree(input.registrationNumber.key);
      const created = await guardedWrite(async () => {
        const vehicle = await strapi.documents(VEHICLE).create({
          data: {
            ownerId,
            makeId: input.makeId,
            modelId: input.modelId,
            trimId: input.trimId ?? null,
            year: input.year,
            registrationNumber: input.registrationNumber.display,
            registrationKey: input.registrationNumber.key,
            vin: input.vin ?? null,
            nickname: input.nickname ?? null,
            colour: input.colour ?? null,
            fuel: input.fuel ?? null,
            purchaseDate: input.purchaseDate ?? null,
            odometerKm: input.odometerKm ?? null,
          } as never,
        });
        if (input.odometerKm !== undefined && input.odometerKm !== null) {
          await addReading(vehicle.documentId, input.odometerKm, today(), false);
        }
        return vehicle;
      });
      await invalidate(ownerId);
      return present(await ownedRow(ownerId, created.documentId), locale);
    },

    async update(
      ownerId: number,
      documentId: string,
      change: VehicleChangeInput,
      locale: string,
    ): Promise<Vehicle> {
      const row = await ownedRow(ownerId, documentId);
      const merged = {
        makeId: change.makeId ?? row.makeId,
        modelId: change.modelId ?? row.modelId,
        trimId: change.trimId === undefined ? row.trimId : change.trimId,
        year: change.year ?? row.year,
        fuel: change.fuel === undefined ? row.fuel : change.fuel,
      };
      await checkCatalogChoice(merged);
      if (change.registrationNumber) {
        await assertRegistrationFree(change.registrationNumber.key, row.id);
      }
      if (change.odometerCorrection !== undefined && typeof change.odometerKm !== 'number') {
        throw fieldError('odometerCorrection', 'needs the corrected odometerKm beside it');
      }
      const { registrationNumber, odometerKm, odometerCorrection, ...rest } = change;
      await guardedWrite(async () => {
        // First, so a refused odometer leaves the rest of the change unwritten too.
        if (odometerKm !== undefined) {
          await changeOdometer(row, odometerKm, odometerCorrection ?? false);
        }
        await strapi.documents(VEHICLE).update({
          documentId,
          data: {
            ...rest,
            ...merged,
            ...(registrationNumber
              ? {
                  registrationNumber: registrationNumber.display,
                  registrationKey: registrationNumber.key,
                }
              : {}),
          } as never,
        });
      });
      await invalidate(ownerId);
      return present(await ownedRow(ownerId, documentId), locale);
    },

    /** Deletes a vehicle with its notes, odometer readings and photos, all or nothing. */
    async delete(ownerId: number, documentId: string): Promise<void> {
      const row = await ownedRow(ownerId, documentId);
      const upload = strapi.plugin('upload').service('upload');
      await strapi.db.transaction(async () => {
        for (const uid of [NOTE, READING] as const) {
          const children = await strapi.db
            .query(uid)
            .findMany({ where: { vehicle: { id: row.id } }, select: ['documentId'] });
          for (const child of children as Array<{ documentId: string }>) {
            await strapi.documents(uid).delete({ documentId: child.documentId });
          }
        }
        await strapi.documents(VEHICLE).delete({ documentId });
      });
      // Only once the deletion has committed: removing a file cannot be rolled back, so a
      // failed deletion must leave the photos where they were.
      await invalidate(ownerId);
      for (const photo of row.photos ?? []) {
        const file = await strapi.db
          .query('plugin::upload.file')
          .findOne({ where: { id: photo.id } });
        if (!file) continue;
        await upload.remove(file).catch((error: Error) =>
          strapi.log.warn('photo of a deleted vehicle not removed', {
            fileId: photo.id,
            error: error.message,
          }),
        );
      }
    },

    /** The vehicle row, for sub-resources (notes, odometer, photos); 404 unless owned. */
    ownedRow,
    invalidate,

    async addOdometerReading(ownerId: number, documentId: string, input: OdometerInput) {
      const row = await ownedRow(ownerId, documentId);
      const reading = await strapi.db.transaction(() =>
        recordReading(
          row,
          {
            readingKm: input.readingKm,
            readOn: input.readOn ?? today(),
            correction: input.correction,
          },
          'readingKm',
        ),
      );
      await invalidate(ownerId);
      return reading;
    },
  };
};
