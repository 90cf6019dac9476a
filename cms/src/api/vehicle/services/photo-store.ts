import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../../lib/env';
import { createPrivateFiles, type PrivateFiles } from '../../../lib/storage';
import { keysOfPhoto, type PhotoRow } from '../photo-rows';

/**
 * Where owners' vehicle photos live: the private store of `lib/storage` (the S3 bucket, or the
 * private folder served only by signed links), never `public/uploads`. The same store as the
 * document vault: on the embedded default its links are read by `GET /api/files/:token`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let files: PrivateFiles | null = null;
  const store = (): PrivateFiles => {
    files ??= createPrivateFiles(loadEnv(), strapi.dirs.app.root);
    return files;
  };

  return {
    store,

    /**
     * Removes the objects of photos whose rows are gone. A file that fails to go is logged,
     * not an error: the photo is gone for its owner either way.
     */
    async removeObjects(rows: Array<Pick<PhotoRow, 'storageKey' | 'smallKey'>>): Promise<void> {
      await Promise.all(
        rows.flatMap(keysOfPhoto).map((key) =>
          store()
            .remove(key)
            .catch((error: Error) =>
              strapi.log.warn('vehicle photo file not removed', { key, error: error.message }),
            ),
        ),
      );
    },
  };
};
