import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../../lib/env';
import { serviceGetter } from '../../../lib/services';
import { PHOTO_EXTENSIONS, type PhotoType } from '../rules/image-type';
import { catalogModelOrNull } from '../catalog-model';
import { photosOfVehicles, type PhotoRow } from '../photo-rows';
import { toVehicle, type Photo, type Vehicle, type VehicleRow } from '../vehicle-view';
import type photoStore from './photo-store';

const sibling = serviceGetter<{ 'photo-store': typeof photoStore }>('vehicle');

/** Turns vehicle rows into what the API answers: catalog names in a locale, photo links. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const linkSeconds = loadEnv().PRIVATE_PHOTO_URL_SECONDS;

  /** Short-lived links (PRIVATE_PHOTO_URL_SECONDS) to a photo and its small copy. */
  async function linksOf(photo: PhotoRow): Promise<Photo> {
    const store = sibling(strapi, 'photo-store').store();
    const link = (key: string) =>
      store.downloadLink({
        key,
        contentType: photo.mime,
        fileName: `photo${PHOTO_EXTENSIONS[photo.mime as PhotoType] ?? ''}`,
        disposition: 'inline',
        seconds: linkSeconds,
      });
    const full = await link(photo.storageKey);
    const small = photo.smallKey ? await link(photo.smallKey) : full;
    return { id: photo.documentId, url: full.url, thumbnailUrl: small.url };
  }

  /** The photos of each vehicle, newest first, with their links; one query for them all. */
  async function photosByVehicle(rows: VehicleRow[]): Promise<Map<string, Photo[]>> {
    const photos = await photosOfVehicles(
      strapi,
      rows.map((row) => row.documentId),
    );
    const linked = await Promise.all(photos.map(linksOf));
    const byVehicle = new Map<string, Photo[]>();
    photos.forEach((photo, index) => {
      byVehicle.set(photo.vehicle, [...(byVehicle.get(photo.vehicle) ?? []), linked[index]]);
    });
    return byVehicle;
  }

  return {
    async present(row: VehicleRow, locale: string): Promise<Vehicle> {
      const photos = await photosByVehicle([row]);
      return toVehicle(
        row,
        await catalogModelOrNull(strapi, row.modelId, locale),
        photos.get(row.documentId) ?? [],
      );
    },

    /** Presents a page of rows, looking each catalog model up once however often it occurs. */
    async presentAll(rows: VehicleRow[], locale: string): Promise<Vehicle[]> {
      const modelIds = [...new Set(rows.map((row) => row.modelId))];
      const [models, photos] = await Promise.all([
        Promise.all(
          modelIds.map(
            async (modelId) =>
              [modelId, await catalogModelOrNull(strapi, modelId, locale)] as const,
          ),
        ).then((entries) => new Map(entries)),
        photosByVehicle(rows),
      ]);
      return rows.map((row) =>
        toVehicle(row, models.get(row.modelId) ?? null, photos.get(row.documentId) ?? []),
      );
    },
  };
};
