import { open } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { findOwnedVehicle, VEHICLE_UID } from '../owned-vehicles';
import { serviceGetter } from '../../../lib/services';
import type vehicleCache from './vehicle-cache';
import sharp from 'sharp';
import { PHOTO_UPLOAD } from '../../../lib/body/body-limits';
import { InvalidField, NotFound, PayloadTooLarge } from '../../../lib/errors';
import { PHOTO_EXTENSIONS, sniffPhotoType, type PhotoType } from '../rules/image-type';
import {
  isOverPixelLimit,
  MAX_IMAGE_PIXELS,
  measureImage,
  pixelLimitMessage,
} from '../../../lib/media/pixel-limit';

const sibling = serviceGetter<{ 'vehicle-cache': typeof vehicleCache }>('vehicle');

/** Largest photo accepted, in bytes, and photos per upload: what the body parser enforces. */
export const PHOTO_MAX_BYTES = PHOTO_UPLOAD.maxFileBytes;
export const PHOTOS_PER_UPLOAD = PHOTO_UPLOAD.maxFiles;

export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  /** The type Strapi's upload service prefers over `mimetype` when set. */
  detectedMimeType?: string;
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

/** Photos of an owner's vehicle: JPEG, PNG or WebP by content, at most 8 MB each. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const upload = () => strapi.plugin('upload').service('upload');

  /** Checks every file before any is stored, so a bad one rejects the whole upload. */
  async function checked(files: UploadedFile[]): Promise<UploadedFile[]> {
    if (files.length === 0) throw filesError('none', 'choose at least one photo');
    if (files.length > PHOTOS_PER_UPLOAD) {
      throw filesError('tooMany', `at most ${PHOTOS_PER_UPLOAD} photos at a time`);
    }
    const types: PhotoType[] = [];
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
      types.push(type);
    }
    // Stored under the name, extension and type its bytes prove, never the client's: the
    // upload plugin takes the extension from the name, and the file is served by it.
    files.forEach((file, index) => {
      file.originalFilename = `photo${PHOTO_EXTENSIONS[types[index]]}`;
      file.mimetype = types[index];
      file.detectedMimeType = types[index];
    });
    return files;
  }

  return {
    async add(ownerId: number, vehicleId: string, files: UploadedFile[]): Promise<void> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      await upload().upload({
        data: { ref: VEHICLE_UID, refId: vehicle.id, field: 'photos' },
        files: await checked(files),
      });
      await sibling(strapi, 'vehicle-cache').forget(ownerId);
    },

    async remove(ownerId: number, vehicleId: string, photoId: number): Promise<void> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      if (!(vehicle.photos ?? []).some((photo) => photo.id === photoId)) {
        throw new NotFound('Photo not found');
      }
      const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id: photoId } });
      if (file) await upload().remove(file);
      await sibling(strapi, 'vehicle-cache').forget(ownerId);
    },
  };
};
