import { open } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { getService } from '../../../platform/services';
import { errors } from '@strapi/utils';
import { sniffPhotoType } from '../../../platform/vehicles/image-type';

/** Largest photo accepted, in bytes. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTOS_PER_UPLOAD = 5;

export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** Why a set of files is refused, named in the 400's `details.rule` for clients to explain. */
type FilesRule = 'none' | 'tooMany' | 'type';

const filesError = (rule: FilesRule, message: string) =>
  new errors.ValidationError(`files: ${message}`, {
    rule,
    errors: [{ path: ['files'], message, name: 'ValidationError' }],
  });

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
    await sharp(file.filepath).resize(8, 8, { fit: 'inside' }).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Photos of an owner's vehicle: JPEG, PNG or WebP by content, at most 8 MB each. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const garage = () => getService(strapi, 'garage');
  const upload = () => strapi.plugin('upload').service('upload');

  /** Checks every file before any is stored, so a bad one rejects the whole upload. */
  async function checked(files: UploadedFile[]): Promise<UploadedFile[]> {
    if (files.length === 0) throw filesError('none', 'choose at least one photo');
    if (files.length > PHOTOS_PER_UPLOAD) {
      throw filesError('tooMany', `at most ${PHOTOS_PER_UPLOAD} photos at a time`);
    }
    for (const file of files) {
      if (file.size > PHOTO_MAX_BYTES) {
        throw new errors.PayloadTooLargeError(
          `${file.originalFilename ?? 'photo'} is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
        );
      }
      const type = sniffPhotoType(await headOf(file));
      if (!type || !(await decodes(file))) {
        throw filesError(
          'type',
          `${file.originalFilename ?? 'a file'} is not a JPEG, PNG or WebP image`,
        );
      }
      // Stored under the type its bytes prove, not the one the browser claimed.
      file.mimetype = type;
    }
    return files;
  }

  return {
    async add(ownerId: number, vehicleId: string, files: UploadedFile[]): Promise<void> {
      const vehicle = await garage().ownedRow(ownerId, vehicleId);
      await upload().upload({
        data: { ref: 'api::vehicle.vehicle', refId: vehicle.id, field: 'photos' },
        files: await checked(files),
      });
      await garage().invalidate(ownerId);
    },

    async remove(ownerId: number, vehicleId: string, photoId: number): Promise<void> {
      const vehicle = await garage().ownedRow(ownerId, vehicleId);
      if (!(vehicle.photos ?? []).some((photo) => photo.id === photoId)) {
        throw new errors.NotFoundError('Photo not found');
      }
      const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id: photoId } });
      if (file) await upload().remove(file);
      await garage().invalidate(ownerId);
    },
  };
};
