import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { STORED_FILE_FIELDS, type StoredFile } from '../../lib/media/media-urls';
import { VEHICLE_UID } from './owned-vehicles';
import { getVehicleService } from './services';
import type { VehicleRow } from './vehicle-view';

/** What one run of `npm run photos:migrate` did. */
export interface PhotoMigration {
  /** Photos now in the private store, their public files removed. */
  moved: number;
  /** Files left where they were: not a photo an owner could upload (logged with their id). */
  skipped: number;
  /** Files that could not be moved this time (logged); a second run tries them again. */
  failed: number;
}

type LegacyFile = { id: number } & StoredFile;
type VehicleWithLegacy = VehicleRow & { photos?: LegacyFile[] | null };

const BATCH = 100;

/**
 * Moves owners' vehicle photos stored by the upload plugin before the private store (the
 * public `/uploads` folder, or the plugin's bucket) into it: each becomes a photo record with
 * its bytes and small copy in the private store, then the plugin's file (and its formats) is
 * removed. Oldest first, so the newest stays the vehicle's picture. Safe to run again: a
 * moved file is gone from the vehicle, and bytes already adopted are not stored twice.
 */
export async function migrateLegacyPhotos(strapi: Core.Strapi): Promise<PhotoMigration> {
  const result: PhotoMigration = { moved: 0, skipped: 0, failed: 0 };
  const photos = getVehicleService(strapi, 'photos');
  const upload = strapi.plugin('upload').service('upload');
  const fileService = strapi.plugin('upload').service('file') as {
    signFileUrls<T extends StoredFile>(file: T): Promise<T>;
  };

  async function bytesOf(file: LegacyFile): Promise<Buffer> {
    if (file.provider === 'local') {
      return readFile(path.join(strapi.dirs.static.public, file.url));
    }
    const { url } = await fileService.signFileUrls({ ...file, formats: null });
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the bucket answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  let afterId = 0;
  for (;;) {
    const vehicles = (await strapi.db.query(VEHICLE_UID).findMany({
      where: { id: { $gt: afterId } },
      orderBy: { id: 'asc' },
      limit: BATCH,
      populate: { photos: { select: ['id', ...STORED_FILE_FIELDS] } },
    })) as VehicleWithLegacy[];
    if (vehicles.length === 0) return result;
    afterId = vehicles.at(-1)!.id;
    for (const vehicle of vehicles) {
      const legacy = [...(vehicle.photos ?? [])].sort((a, b) => a.id - b.id);
      for (const file of legacy) {
        try {
          if (!(await photos.adopt(vehicle, await bytesOf(file)))) {
            result.skipped += 1;
            strapi.log.warn('legacy vehicle photo left in place: not a photo', { fileId: file.id });
            continue;
          }
          const row = await strapi.db
            .query('plugin::upload.file')
            .findOne({ where: { id: file.id } });
          if (row) await upload.remove(row);
          result.moved += 1;
        } catch (error) {
          result.failed += 1;
          strapi.log.error('legacy vehicle photo not moved', {
            fileId: file.id,
            error: (error as Error).message,
          });
        }
      }
    }
  }
}
