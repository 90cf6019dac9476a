import { createHash, randomUUID } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { findOwnedVehicle } from '../owned-vehicles';
import { PHOTO_UID, type PhotoRow } from '../photo-rows';
import type { VehicleRow } from '../vehicle-view';
import { clearable } from '../../../lib/documents';
import { serviceGetter } from '../../../lib/services';
import type photoStore from './photo-store';
import type vehicleCache from './vehicle-cache';
import sharp from 'sharp';
import { PHOTO_UPLOAD } from '../../../lib/body/body-limits';
import { InvalidField, NotFound, PayloadTooLarge } from '../../../lib/errors';
import { sniffPhotoType, type PhotoType } from '../rules/image-type';
import {
  isOverPixelLimit,
  MAX_IMAGE_PIXELS,
  measureImage,
  pixelLimitMessage,
} from '../../../lib/media/pixel-limit';

const sibling = serviceGetter<{
  'vehicle-cache': typeof vehicleCache;
  'photo-store': typeof photoStore;
}>('vehicle');

/** The longest side of the small copy shown in cards and grids (Strapi's `small` format was 500). */
export const SMALL_PHOTO_SIDE = 500;

/** Largest photo accepted, in bytes, and photos per upload: what the body parser enforces. */
export const PHOTO_MAX_BYTES = PHOTO_UPLOAD.maxFileBytes;
export const PHOTOS_PER_UPLOAD = PHOTO_UPLOAD.maxFiles;

export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** Why a set of files is refused, named in the 400's `details.rule` for clients to explain. */
type FilesRule = 'none' | 'tooMany' | 'type' | 'pixels';

const filesError = (rule: FilesRule, message: string, details: Record<string, unknown> = {}) =>
  new InvalidField('files', message, { details: { rule, ...details } });

async function headOf(file: UploadedFile): Promise<Uint8Array> {
  const handle = await open(file.filepath, 'r');
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, head.length, 0);
    return head;
  } finally {
    await handle.close();
  }
}

/**
 * Whether the whole picture decodes, as the upload plugin will decode it to resize it. A right
 * signature over broken bytes is otherwise stored as it is (and shown broken everywhere), or
 * fails the plugin partway through the upload with a 500.
 */
async function decodes(file: UploadedFile): Promise<boolean> {
  try {
    // Decoded to a thumbnail, so a large photo costs little memory; `stats()` would not do:
    // it passes a header whose checksum is wrong.
    await sharp(file.filepath, { limitInputPixels: MAX_IMAGE_PIXELS })
      .resize(8, 8, { fit: 'inside' })
      .raw()
      .toBuffer();
    return true;
  } catch {
    return false;
  }
}

/** A checked photo, ready to store. */
interface CheckedPhoto {
  /** Its bytes: in memory, or the upload's temp file (read only when it is stored). */
  source: Buffer | string;
  type: PhotoType;
  width: number;
  height: number;
}

const FORMATS = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/**
 * The ~500 px copy of a photo, turned upright by its EXIF orientation and without its metadata
 * (a phone's GPS position stays out of it); null when the photo is no larger than that.
 */
async function smallCopy(bytes: Buffer, photo: CheckedPhoto): Promise<Buffer | null> {
  if (photo.width <= SMALL_PHOTO_SIDE && photo.height <= SMALL_PHOTO_SIDE) return null;
  return sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize(SMALL_PHOTO_SIDE, SMALL_PHOTO_SIDE, { fit: 'inside', withoutEnlargement: true })
    .toFormat(FORMATS[photo.type])
    .toBuffer();
}

/** Photos of an owner's vehicle: JPEG, PNG or WebP by content, at most 8 MB each. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const photoFiles = () => sibling(strapi, 'photo-store');

  /** Checks every file before any is stored, so a bad one rejects the whole upload. */
  async function checked(files: UploadedFile[]): Promise<CheckedPhoto[]> {
    if (files.length === 0) throw filesError('none', 'choose at least one photo');
    if (files.length > PHOTOS_PER_UPLOAD) {
      throw filesError('tooMany', `at most ${PHOTOS_PER_UPLOAD} photos at a time`);
    }
    const photos: CheckedPhoto[] = [];
    for (const file of files) {
      if (file.size > PHOTO_MAX_BYTES) {
        throw new PayloadTooLarge(
          `${file.originalFilename ?? 'photo'} is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
        );
      }
      const name = file.originalFilename ?? 'a file';
      const type = sniffPhotoType(await headOf(file));
      const notAPhoto = () => filesError('type', `${name} is not a JPEG, PNG or WebP image`);
      if (!type) throw notAPhoto();
      // Measured from the header before anything decodes the pixels.
      const extent = await measureImage(file).catch(() => null);
      if (!extent) throw notAPhoto();
      if (isOverPixelLimit(extent)) {
        throw filesError('pixels', pixelLimitMessage(name, extent), {
          maxPixels: MAX_IMAGE_PIXELS,
        });
      }
      if (!(await decodes(file))) throw notAPhoto();
      // Stored as the type its bytes prove; the client's name and type play no part.
      photos.push({ source: file.filepath, type, ...extent });
    }
    return photos;
  }

  /** Writes a photo and its small copy to the private store; answers the row to create. */
  async function stored(ownerId: number, photo: CheckedPhoto) {
    const bytes = typeof photo.source === 'string' ? await readFile(photo.source) : photo.source;
    const small = await smallCopy(bytes, photo);
    const storageKey = `photos/${ownerId}/${randomUUID()}`;
    const smallKey = small ? `${storageKey}-small` : null;
    const store = photoFiles().store();
    await store.put(storageKey, bytes, photo.type);
    if (small && smallKey) await store.put(smallKey, small, photo.type);
    return {
      ownerId,
      storageKey,
      smallKey,
      mime: photo.type,
      width: photo.width,
      height: photo.height,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  /**
   * Stores the photos, then their rows in one transaction, after the vehicle's newest; when the
   * rows cannot be written, the stored files are removed again, so nothing unreachable is left.
   */
  async function storeAll(ownerId: number, vehicle: string, photos: CheckedPhoto[]) {
    const written: Array<Awaited<ReturnType<typeof stored>>> = [];
    try {
      for (const photo of photos) written.push(await stored(ownerId, photo));
      await strapi.db.transaction(async () => {
        const newest = (await strapi.db.query(PHOTO_UID).findOne({
          where: { vehicle },
          orderBy: { position: 'desc' },
          select: ['position'],
        })) as Pick<PhotoRow, 'position'> | null;
        let position = newest ? newest.position : -1;
        for (const row of written) {
          position += 1;
          await strapi.documents(PHOTO_UID).create({
            data: clearable(PHOTO_UID, { ...row, vehicle, position }),
          });
        }
      });
    } catch (error) {
      await photoFiles().removeObjects(written);
      throw error;
    }
  }

  return {
    /** Adds checked photos to an owner's vehicle; a bad file rejects them all. */
    async add(ownerId: number, vehicleId: string, files: UploadedFile[]): Promise<void> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      await storeAll(ownerId, vehicle.documentId, await checked(files));
      await sibling(strapi, 'vehicle-cache').forget(ownerId);
    },

    /**
     * Takes a photo stored before the private store existed (`npm run photos:migrate`): the
     * same checks and copies as an upload. Answers false, storing nothing, when the bytes are
     * not a photo an owner could upload, or when the vehicle already has these very bytes (a
     * run stopped between storing and removing the old file).
     */
    async adopt(vehicle: VehicleRow, bytes: Buffer): Promise<boolean> {
      const type = sniffPhotoType(bytes.subarray(0, 16));
      const extent = type ? await measureImage({ bytes }).catch(() => null) : null;
      if (!type || !extent || isOverPixelLimit(extent)) return false;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const twin = await strapi.db
        .query(PHOTO_UID)
        .findOne({ where: { vehicle: vehicle.documentId, sha256 }, select: ['id'] });
      if (!twin)
        await storeAll(vehicle.ownerId, vehicle.documentId, [{ source: bytes, type, ...extent }]);
      await sibling(strapi, 'vehicle-cache').forget(vehicle.ownerId);
      return true;
    },

    /** Deletes one photo (its id is the photo's documentId); its files once that has committed. */
    async remove(ownerId: number, vehicleId: string, photoId: string): Promise<void> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      const photo = (await strapi.db.query(PHOTO_UID).findOne({
        where: { documentId: photoId, vehicle: vehicle.documentId, ownerId },
      })) as PhotoRow | null;
      if (!photo) throw new NotFound('Photo not found');
      await strapi.db.transaction(async () => {
        await strapi.documents(PHOTO_UID).delete({ documentId: photo.documentId });
      });
      await sibling(strapi, 'vehicle-cache').forget(ownerId);
      await photoFiles().removeObjects([photo]);
    },
  };
};
