import type { Core } from '@strapi/strapi';
import { publishDomainEvent } from '../../../lib/domain-events';
import { serviceGetter } from '../../../lib/services';
import { NOTE_UID, READING_UID, VEHICLE_UID } from '../owned-vehicles';
import { PHOTO_UID, type PhotoRow } from '../photo-rows';
import type { VehicleRow } from '../vehicle-view';
import type photoStore from './photo-store';
import type vehicleCache from './vehicle-cache';

const sibling = serviceGetter<{
  'vehicle-cache': typeof vehicleCache;
  'photo-store': typeof photoStore;
}>('vehicle');

/**
 * Deletes a vehicle with everything that hangs off it: notes, odometer readings, photos, and
 * (through 'vehicle.deleted') what other domains keep of it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * All or nothing in the database; the owner's cached reads and the photo files only once
   * that has committed: removing a file cannot be rolled back, so a failed deletion must leave
   * the photos where they were. A file that then fails to go is logged, not an error: the
   * vehicle is gone either way.
   */
  async remove(row: VehicleRow): Promise<void> {
    let photos: PhotoRow[] = [];
    let legacyFiles: Array<{ id: number }> = [];
    await strapi.db.transaction(async () => {
      // Dependants in other domains (service records, reminders, documents) go in this
      // transaction too: a listener that fails keeps the vehicle.
      await publishDomainEvent(strapi, 'vehicle.deleted', {
        ownerId: row.ownerId,
        vehicleId: row.documentId,
      });
      for (const uid of [NOTE_UID, READING_UID] as const) {
        const children = await strapi.db
          .query(uid)
          .findMany({ where: { vehicle: { id: row.id } }, select: ['documentId'] });
        for (const child of children as Array<{ documentId: string }>) {
          await strapi.documents(uid).delete({ documentId: child.documentId });
        }
      }
      photos = (await strapi.db
        .query(PHOTO_UID)
        .findMany({ where: { vehicle: row.documentId } })) as PhotoRow[];
      for (const photo of photos) {
        await strapi.documents(PHOTO_UID).delete({ documentId: photo.documentId });
      }
      // Photos from before the private store, not yet moved by `npm run photos:migrate`.
      const legacy = (await strapi.db.query(VEHICLE_UID).findOne({
        where: { id: row.id },
        populate: { photos: { select: ['id'] } },
      })) as { photos?: Array<{ id: number }> | null } | null;
      legacyFiles = legacy?.photos ?? [];
      await strapi.documents(VEHICLE_UID).delete({ documentId: row.documentId });
    });
    await sibling(strapi, 'vehicle-cache').forget(row.ownerId);
    await sibling(strapi, 'photo-store').removeObjects(photos);
    const upload = strapi.plugin('upload').service('upload');
    for (const { id } of legacyFiles) {
      const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
      if (!file) continue;
      await upload.remove(file).catch((error: Error) =>
        strapi.log.warn('photo of a deleted vehicle not removed', {
          fileId: id,
          error: error.message,
        }),
      );
    }
  },
});
