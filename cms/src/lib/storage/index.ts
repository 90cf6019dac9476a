import path from 'node:path';
import type { PlatformEnv } from '../env';
import { createLocalFiles, type LocalFiles } from './local-files';
import type { PrivateFiles } from './private-files';
import { createS3Files } from './s3-files';

export * from './private-files';
export { UploadBodyRefused, type LocalFiles } from './local-files';

/** Lifetime of an upload target, seconds: long enough for 10 MB on a slow phone link. */
export const UPLOAD_TARGET_SECONDS = 15 * 60;

/** The API path that serves local downloads (`GET /api/files/:token`). */
export const LOCAL_FILES_PATH = '/api/files';

/**
 * The private store this instance uses: the S3 bucket when `S3_*` is set, else the private
 * folder (`PRIVATE_FILES_DIR`, relative to the CMS app root).
 */
export function createPrivateFiles(env: PlatformEnv, appRoot: string): PrivateFiles {
  if (env.s3Enabled) {
    return createS3Files({
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      uploadSeconds: UPLOAD_TARGET_SECONDS,
      downloadSeconds: env.PRIVATE_FILE_URL_SECONDS,
    });
  }
  return createLocalFiles({
    directory: path.resolve(appRoot, env.PRIVATE_FILES_DIR),
    secret: env.appKeys[0],
    uploadSeconds: UPLOAD_TARGET_SECONDS,
    downloadSeconds: env.PRIVATE_FILE_URL_SECONDS,
    filesPath: LOCAL_FILES_PATH,
  });
}

/** The local store, when that is the one in use (its uploads and downloads go through the API). */
export const asLocalFiles = (files: PrivateFiles): LocalFiles | null =>
  files.kind === 'local' ? (files as LocalFiles) : null;
