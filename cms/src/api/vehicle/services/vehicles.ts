import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../../lib/errors';
import { Histogram } from 'prom-client';
import { clearable } from '../../../lib/documents';
import { getMetrics } from '../../../lib/infrastructure';
import { toPage, type Page, type PageQuery } from '../../../lib/pagination';
import { serviceGetter } from '../../../lib/services';
import { findOwnedVehicle, VEHICLE_UID } from '../owned-vehicles';
import type { NewVehicleInput, VehicleChangeInput } from '../vehicle-input';
import type { Vehicle, VehicleRow } from '../vehicle-view';
import type catalogRules from './catalog-rules';
import type odometer from './odometer';
import type registration from './registration';
import type vehicleCache from './vehicle-cache';
import type vehiclePages from './vehicle-pages';
import type vehiclePresenter from './vehicle-presenter';
import type vehicleRemoval from './vehicle-removal';

/** The services this one composes; each does one thing. */
const sibling = serviceGetter<{
  'catalog-rules': typeof catalogRules;
  odometer: typeof odometer;
  registration: typeof registration;
  'vehicle-cache': typeof vehicleCache;
  'vehicle-pages': typeof vehiclePages;
  'vehicle-presenter': typeof vehiclePresenter;
  'vehicle-removal': typeof vehicleRemoval;
}>('vehicle');

/** An owner's vehicles: list, read, add, change, delete; another owner's is never found. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = () => sibling(strapi, 'catalog-rules');
  const odometerHistory = () => sibling(strapi, 'odometer');
  const registrations = () => sibling(strapi, 'registration');
  const cache = () => sibling(strapi, 'vehicle-cache');
  const pages = () => sibling(strapi, 'vehicle-pages');
  const presenter = () => sibling(strapi, 'vehicle-presenter');
  const listDuration = new Histogram({
    name: 'vehicle_list_duration_seconds',
    help: "Time to answer an owner's vehicle list, cache included",
    labelNames: ['cache'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [getMetrics(strapi).registry],
  });

  /** The vehicle row of an owner, for sub-resources and policies; 404 unless owned. */
  const ownedRow = (ownerId: number, documentId: string): Promise<VehicleRow> =>
    findOwnedVehicle(strapi, ownerId, documentId);

  // The audit-log plugin when it is loaded (it is optional to this service).
  const auditLog = () =>
    strapi.plugin('audit-log')?.service('log') as
      | { rememberBefore(uid: string, documentId: string, row: object): void }
      | undefined;

  const presentOwned = async (ownerId: number, documentId: string, locale: string) =>
    presenter().present(await ownedRow(ownerId, documentId), locale);

  return {
    ownedRow,

    /**
     * A page of an owner's vehicles as JSON text, which the list route sends as it is: a
     * cache hit is the stored text, so the garage's most frequent read costs no parse and no
     * serialisation.
     */
    async listJson(ownerId: number, query: PageQuery, locale: string): Promise<string> {
      const { cursors } = pages();
      const afterId = query.cursor ? cursors.decode(query.cursor) : null;
      const stopTimer = listDuration.startTimer();
      let outcome = cache().enabled ? 'hit' : 'off';
      const page = await cache().readJson(
        cache().listKey(ownerId, locale, query.limit, afterId),
        async (): Promise<Page<Vehicle>> => {
          outcome = 'miss';
          const rows = await pages().rows(ownerId, afterId, query.limit + 1);
          const presented = await presenter().presentAll(rows.slice(0, query.limit), locale);
          return toPage(
            rows,
            query.limit,
            (id) => cursors.encode(id),
            (_row, index) => presented[index],
          );
        },
      );
      stopTimer({ cache: outcome });
      return page;
    },

    /** `findOne` as the vehicle's JSON text, the cache's stored text on a hit (see `listJson`). */
    async findOneJson(ownerId: number, documentId: string, locale: string): Promise<string> {
      return cache().readJson(cache().vehicleKey(ownerId, documentId, locale), () =>
        presentOwned(ownerId, documentId, locale),
      );
    },

    async findOne(ownerId: number, documentId: string, locale: string): Promise<Vehicle> {
      return cache().read(cache().vehicleKey(ownerId, documentId, locale), () =>
        presentOwned(ownerId, documentId, locale),
      );
    },

    async create(ownerId: number, input: NewVehicleInput, locale: string): Promise<Vehicle> {
      await rules().check(input);
      await registrations().assertFree(input.registrationNumber.key);
      const created = await registrations().guardedWrite(async () => {
        const vehicle = await strapi.documents(VEHICLE_UID).create({
          data: clearable(VEHICLE_UID, {
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
          }),
        });
        if (input.odometerKm !== undefined && input.odometerKm !== null) {
          await odometerHistory().recordFirst(vehicle.documentId, input.odometerKm);
        }
        return vehicle;
      });
      await cache().forget(ownerId);
      return presentOwned(ownerId, created.documentId, locale);
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
      await rules().check(merged);
      if (change.registrationNumber) {
        await registrations().assertFree(change.registrationNumber.key, row.id);
      }
      if (change.odometerCorrection !== undefined && typeof change.odometerKm !== 'number') {
        throw new InvalidField('odometerCorrection', 'needs the corrected odometerKm beside it');
      }
      const { registrationNumber, odometerKm, odometerCorrection, ...rest } = change;
      await registrations().guardedWrite(async () => {
        // First, so a refused odometer leaves the rest of the change unwritten too.
        if (odometerKm !== undefined) {
          await odometerHistory().change(row, odometerKm, odometerCorrection ?? false);
        }
        // The audit log's "before" is the row read above: no second read of it.
        auditLog()?.rememberBefore(VEHICLE_UID, documentId, row);
        await strapi.documents(VEHICLE_UID).update({
          documentId,
          data: clearable(VEHICLE_UID, {
            ...rest,
            ...merged,
            ...(registrationNumber
              ? {
                  registrationNumber: registrationNumber.display,
                  registrationKey: registrationNumber.key,
                }
              : {}),
          }),
        });
      });
      await cache().forget(ownerId);
      return presentOwned(ownerId, documentId, locale);
    },

    /** Deletes an owner's vehicle with its notes, odometer readings and photos. */
    async delete(ownerId: number, documentId: string): Promise<void> {
      await sibling(strapi, 'vehicle-removal').remove(await ownedRow(ownerId, documentId));
    },
  };
};
