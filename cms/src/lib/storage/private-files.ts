/**
 * Files only their owner may read (documents, vehicle photos): never in `public/`,
 * never at a guessable URL. A client uploads to a short-lived target and downloads from a
 * short-lived link; the API in between decides who gets either. Two stores: a private S3
 * bucket (`S3_*`), and a folder on the CMS's own disk for the embedded default, whose
 * uploads and downloads go through the API with signed, expiring capabilities.
 */

/** Where and how a client sends the bytes of one upload. */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the request must carry exactly as given (they are signed). */
  headers: Record<string, string>;
  expiresAt: string;
}

/** A short-lived link that reads one stored file. */
export interface DownloadLink {
  url: string;
  expiresAt: string;
}

/** What the store says about an object: its length and the type it was stored under. */
export interface StoredObject {
  size: number;
  contentType: string | null;
}

export interface UploadRequest {
  key: string;
  contentType: string;
  size: number;
  /** The API path a local upload is sent to (the local store's capability goes in its query). */
  localPath: string;
}

export interface DownloadRequest {
  key: string;
  contentType: string;
  /** The name the browser saves it under. */
  fileName: string;
  /** `inline` shows it (images), `attachment` saves it. */
  disposition: 'inline' | 'attachment';
  /** The link's lifetime, seconds, when not the store's default (vehicle photos have their own). */
  seconds?: number;
}

export interface PrivateFiles {
  readonly kind: 's3' | 'local';
  /** A target that accepts exactly `size` bytes of `contentType` at `key`, until it expires. */
  uploadTarget(request: UploadRequest): Promise<UploadTarget>;
  /** The object at `key`, or null when there is none. */
  stat(key: string): Promise<StoredObject | null>;
  /** Stores `body` at `key` as `contentType`, replacing what was there (files the API itself made). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Moves an object to a key no upload target names (so no late PUT can replace it). */
  move(from: string, to: string): Promise<void>;
  /** Up to the first `bytes` bytes of an object (for sniffing its type). */
  readStart(key: string, bytes: number): Promise<Buffer>;
  /** The SHA-256 of a whole object, hex. */
  sha256(key: string): Promise<string>;
  /** A link that reads the object until it expires. */
  downloadLink(request: DownloadRequest): Promise<DownloadLink>;
  /** Removes the object; removing one that is not there is not an error. */
  remove(key: string): Promise<void>;
}

/** `attachment; filename=...` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
