import type { Core } from '@strapi/strapi';
import { loadEnv } from '../env';

/** An upload as the database holds it: what is needed to address it and its smaller copies. */
export interface StoredFile {
  url: string;
  /** With `ext`, the object's key in a bucket, which a signed URL names. */
  hash?: string;
  ext?: string | null;
  provider?: string | null;
  formats?: Record<string, { url: string } | undefined> | null;
}

/** Where a browser loads a picture: the file, and a smaller copy for grids and cards. */
export interface MediaUrls {
  url: string;
  thumbnailUrl: string;
}

/** The fields of an upload to select so `urlsOf` can address it. */
export const STORED_FILE_FIELDS = ['url', 'hash', 'ext', 'provider', 'formats'] as const;

/**
 * The format shown where a picture is small: Strapi's `small` (500 px) when it made one, else
 * its `thumbnail` (245 px); a picture smaller than both has neither.
 */
function thumbnailFormat(file: StoredFile): 'small' | 'thumbnail' | undefined {
  return (['small', 'thumbnail'] as const).find((format) => file.formats?.[format]);
}

/** The URL of the copy to show where a picture is small, else of the file itself. */
export function thumbnailOf(file: StoredFile): string {
  const format = thumbnailFormat(file);
  return (format && file.formats?.[format]?.url) ?? file.url;
}

/** The file with only its thumbnail format, the one copy besides itself that is shown. */
function withThumbnailOnly(file: StoredFile): StoredFile {
  const format = thumbnailFormat(file);
  return { ...file, formats: format ? { [format]: file.formats?.[format] } : null };
}

/**
 * How long a response holding signed URLs may be cached: a third of their lifetime at most,
 * so a cached URL still has two thirds of it left when it is served. Unsigned: `ttlSeconds`.
 */
export function cacheableSeconds(ttlSeconds: number, signedForSeconds: number | null): number {
  if (signedForSeconds === null) return ttlSeconds;
  return Math.max(1, Math.min(ttlSeconds, Math.floor(signedForSeconds / 3)));
}

interface UploadFileService {
  signFileUrls<T extends StoredFile>(file: T): Promise<T>;
}

/**
 * URLs of uploads for API answers. With a private bucket (S3 in production) every URL is
 * signed, the file's and its formats', through the upload plugin's provider; locally they
 * are the plain `/uploads/...` paths.
 */
export function createMediaUrls(strapi: Core.Strapi) {
  const env = loadEnv();
  const signedForSeconds = env.s3Enabled ? env.S3_SIGNED_URL_EXPIRES : null;
  const files = () => strapi.plugin('upload').service('file') as UploadFileService;

  return {
    async urlsOf(file: StoredFile): Promise<MediaUrls> {
      // The plugin signs every format a file has; only the one shown is worth signing.
      const shown = withThumbnailOnly(file);
      const signed = signedForSeconds === null ? shown : await files().signFileUrls(shown);
      return { url: signed.url, thumbnailUrl: thumbnailOf(signed) };
    },

    /** See `cacheableSeconds`. */
    cacheSeconds(ttlSeconds: number): number {
      return cacheableSeconds(ttlSeconds, signedForSeconds);
    },
  };
}

export type MediaUrlsService = ReturnType<typeof createMediaUrls>;
