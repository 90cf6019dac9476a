import type { Core } from '@strapi/strapi';
import { createMediaUrls } from '../../../lib/media/media-urls';
import { catalogModelOrNull } from '../catalog-model';
import { toVehicle, type Photo, type Vehicle, type VehicleRow } from '../vehicle-view';

/** Turns vehicle rows into what the API answers: catalog names in a locale, photo URLs. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const media = createMediaUrls(strapi);
  const photosOf = (row: VehicleRow): Promise<Photo[]> =>
    Promise.all(
      (row.photos ?? []).map(async (photo) => ({ id: photo.id, ...(await media.urlsOf(photo)) })),
    );

  return {
    async present(row: VehicleRow, locale: string): Promise<Vehicle> {
      return toVehicle(
        row,
        await catalogModelOrNull(strapi, row.modelId, locale),
        await photosOf(row),
      );
    },

    /** Presents a page of rows, looking each catalog model up once however often it occurs. */
    async presentAll(rows: VehicleRow[], locale: string): Promise<Vehicle[]> {
      const modelIds = [...new Set(rows.map((row) => row.modelId))];
      const models = new Map(
        await Promise.all(
          modelIds.map(
            async (modelId) =>
              [modelId, await catalogModelOrNull(strapi, modelId, locale)] as const,
          ),
        ),
      );
      return Promise.all(
        rows.map(async (row) =>
          toVehicle(row, models.get(row.modelId) ?? null, await photosOf(row)),
        ),
      );
    },
  };
};
