import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createFileTokens, type CapabilityCheck } from './file-tokens';
import type { PrivateFiles } from './private-files';

export interface LocalFilesOptions {
  /** The private folder (outside `public/`); created when missing. */
  directory: string;
  /** Signs the capabilities (an app secret). */
  secret: string;
  uploadSeconds: number;
  downloadSeconds: number;
  /** The API path that serves `GET <filesPath>/<token>`. */
  filesPath: string;
  now?: () => number;
}

/** Why a body sent to a local upload target is refused. */
export class UploadBodyRefused extends Error {
  constructor(
    readonly reason: 'length' | 'type',
    message: string,
  ) {
    super(message);
  }
}

const KEY = /^[a-z0-9][a-z0-9/_-]*$/i;

/**
 * Private files in a folder on the CMS's disk, for the embedded default. Uploads and
 * downloads go through the API: the URLs this store hands out carry a signed capability that
 * names the key, the type, the length (uploads) and the expiry, checked by `receive`/`reader`.
 */
export function createLocalFiles(options: LocalFilesOptions) {
  const now = options.now ?? Date.now;
  const tokens = createFileTokens(options.secret, now);
  const root = path.resolve(options.directory);
  const fileOf = (key: string) => {
    if (!KEY.test(key) || key.split('/').includes('..')) throw new Error(`bad file key ${key}`);
    return path.join(root, key);
  };
  const expiresAt = (seconds: number) => Math.floor(now() / 1000) + seconds;
  const iso = (exp: number) => new Date(exp * 1000).toISOString();

  const files: PrivateFiles & {
    checkToken(token: string): CapabilityCheck;
    receive(key: string, body: Readable, size: number): Promise<void>;
    reader(key: string): Readable;
  } = {
    kind: 'local',

    async uploadTarget({ key, contentType, size, localPath }) {
      const exp = expiresAt(options.uploadSeconds);
      const token = tokens.issue({ op: 'put', key, contentType, size, exp });
      return {
        url: `${localPath}?token=${token}`,
        method: 'PUT',
        headers: { 'Content-Type': contentType },
        expiresAt: iso(exp),
      };
    },

    async stat(key) {
      try {
        const info = await stat(fileOf(key));
        // The local store writes only what a capability allowed, so the type is the signed one.
        return { size: info.size, contentType: null };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    async put(key, body) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written under a temporary name and renamed: a half-written file is never seen at `key`.
      const partial = `${target}.${randomUUID()}.part`;
      try {
        await writeFile(partial, body);
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },

    async move(from, to) {
      await mkdir(path.dirname(fileOf(to)), { recursive: true });
      await rename(fileOf(from), fileOf(to));
    },

    async readStart(key, bytes) {
      const handle = await open(fileOf(key), 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },

    async sha256(key) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(fileOf(key))) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },

    async downloadLink({ key, contentType, fileName, disposition, seconds }) {
      const exp = expiresAt(seconds ?? options.downloadSeconds);
      const token = tokens.issue({ op: 'get', key, contentType, fileName, disposition, exp });
      return { url: `${options.filesPath}/${token}`, expiresAt: iso(exp) };
    },

    async remove(key) {
      await rm(fileOf(key), { force: true });
    },

    checkToken: (token) => tokens.check(token),

    /**
     * Writes exactly `size` bytes of `body` to `key`: a body longer or shorter is refused and
     * nothing is kept. Written to a temporary name and renamed, so a half-written file is
     * never seen at `key`.
     */
    async receive(key, body, size) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${randomUUID()}.part`;
      let received = 0;
      const counted = async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          if (received > size) {
            throw new UploadBodyRefused('length', `the body is longer than ${size} bytes`);
          }
          yield chunk;
        }
      };
      try {
        await pipeline(body, counted, createWriteStream(partial));
        if (received !== size) {
          throw new UploadBodyRefused('length', `the body is ${received} bytes, not ${size}`);
        }
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },

    reader: (key) => createReadStream(fileOf(key)),
  };
  return files;
}

export type LocalFiles = ReturnType<typeof createLocalFiles>;
