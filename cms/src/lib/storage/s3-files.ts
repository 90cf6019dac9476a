import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition, type PrivateFiles } from './private-files';

export interface S3FilesOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Lifetime of a presigned PUT, seconds. */
  uploadSeconds: number;
  /** Lifetime of a presigned GET, seconds. */
  downloadSeconds: number;
  now?: () => number;
}

// Signed into the presigned PUT, so S3 refuses a request whose type or length differs.
const SIGNED_UPLOAD_HEADERS = new Set(['content-type', 'content-length']);

const isMissing = (error: unknown) => {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404;
};

/** Private files in an S3 (or MinIO) bucket: presigned PUT and GET, nothing public. */
export function createS3Files(options: S3FilesOptions): PrivateFiles {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const Bucket = options.bucket;
  const now = options.now ?? Date.now;
  const expiry = (seconds: number) => new Date(now() + seconds * 1000).toISOString();

  return {
    kind: 's3',

    async uploadTarget({ key, contentType, size }) {
      const command = new PutObjectCommand({
        Bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: size,
      });
      const url = await getSignedUrl(client, command, {
        expiresIn: options.uploadSeconds,
        signableHeaders: SIGNED_UPLOAD_HEADERS,
      });
      return {
        url,
        method: 'PUT',
        headers: { 'Content-Type': contentType },
        expiresAt: expiry(options.uploadSeconds),
      };
    },

    async stat(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },

    async move(from, to) {
      await client.send(
        new CopyObjectCommand({
          Bucket,
          Key: to,
          CopySource: `${Bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
        }),
      );
      await client.send(new DeleteObjectCommand({ Bucket, Key: from }));
    },

    async readStart(key, bytes) {
      const object = await client.send(
        new GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
      );
      const body = await object.Body!.transformToByteArray();
      // A server that ignores Range sends it all; only the start is wanted.
      return Buffer.from(body).subarray(0, bytes);
    },

    async sha256(key) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      const hash = createHash('sha256');
      for await (const chunk of object.Body as Readable) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },

    async downloadLink({ key, contentType, fileName, disposition, seconds }) {
      const lifetime = seconds ?? options.downloadSeconds;
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: contentDisposition(disposition, fileName),
        ResponseCacheControl: 'private, no-store',
      });
      const url = await getSignedUrl(client, command, { expiresIn: lifetime });
      return { url, expiresAt: expiry(lifetime) };
    },

    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
