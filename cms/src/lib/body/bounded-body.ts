import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Context, Next } from 'koa';
// The parser @strapi/core's own `strapi::body` uses (it pins koa-body 6.0.1).
import { koaBody } from 'koa-body';
import { loadEnv } from '../env';
import {
  FORM_LIMIT_BYTES,
  formatBytes,
  JSON_LIMIT_BYTES,
  multipartLimitsFor,
  TEXT_LIMIT_BYTES,
  type MultipartLimits,
} from './body-limits';

const MEDIA_LIBRARY_DEFAULT_FILE_BYTES = 10 * 1024 * 1024;

interface ParsedFile {
  size: number;
  originalFilename?: string | null;
}

const tooLarge = (message: string, details: Record<string, unknown> = {}) =>
  new errors.PayloadTooLargeError(message, details);

/** A refused set of files, in the shape the photo route's own refusals use. */
const filesError = (rule: string, field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, {
    rule,
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

/** The kind of non-multipart body, to name its limit. */
function plainKind(ctx: Context): { kind: string; limit: number } {
  if (ctx.is('urlencoded')) return { kind: 'Form', limit: FORM_LIMIT_BYTES };
  if (ctx.is('text/*')) return { kind: 'Text', limit: TEXT_LIMIT_BYTES };
  return { kind: 'JSON', limit: JSON_LIMIT_BYTES };
}

/** Formidable's refusals (it names its options), in Strapi's error shape. */
function multipartError(error: Error & { httpCode?: number }, limits: MultipartLimits): Error {
  const message = error.message ?? '';
  if (message.includes('maxFieldsSize')) {
    return tooLarge(`Form fields are limited to ${formatBytes(limits.maxFieldsBytes)} in all`, {
      limit: limits.maxFieldsBytes,
    });
  }
  if (message.includes('maxFields')) {
    return tooLarge(`At most ${limits.maxFields} form fields are accepted`, {
      limit: limits.maxFields,
    });
  }
  if (message.includes('maxFileSize')) {
    const total = limits.maxFiles * limits.maxFileBytes;
    return tooLarge(`Files are limited to ${formatBytes(total)} per request`, { limit: total });
  }
  if (error.httpCode === 413) return tooLarge('The request body is too large');
  return new errors.ValidationError(`The multipart body could not be read: ${message}`);
}

/**
 * Replaces `strapi::body`. Stock parses up to 200 MB of multipart on every route, before
 * anyone is known, and deletes only the files of a field named `files`, and only when the
 * route did not throw. Here every body is bounded (JSON, form, text, multipart fields and
 * files); only the upload routes take files (see body-limits); and each multipart request
 * writes into a folder of its own that is removed when the request ends, however it ends:
 * answered, refused, thrown, or the client gone mid-body.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const env = loadEnv();
  const baseDir = path.resolve(env.UPLOAD_TEMP_DIR ?? path.join(os.tmpdir(), 'motorghar-uploads'));
  mkdirSync(baseDir, { recursive: true });
  const mediaLibraryFileBytes =
    strapi.config.get<number>('plugin::upload.sizeLimit') ?? MEDIA_LIBRARY_DEFAULT_FILE_BYTES;

  const bodyOptions = {
    jsonLimit: JSON_LIMIT_BYTES,
    formLimit: FORM_LIMIT_BYTES,
    textLimit: TEXT_LIMIT_BYTES,
  };
  const plainParser = koaBody({ ...bodyOptions, multipart: false });

  async function parsePlain(ctx: Context) {
    try {
      await plainParser(ctx, async () => undefined);
    } catch (error) {
      if ((error as { status?: number }).status === 413) {
        const { kind, limit } = plainKind(ctx);
        throw tooLarge(`${kind} bodies are limited to ${formatBytes(limit)}`, { limit });
      }
      throw error;
    }
  }

  async function parseMultipart(ctx: Context, limits: MultipartLimits, uploadDir: string) {
    let files = 0;
    let refusal: 'none' | 'field' | 'count' | undefined;
    let refusedField = limits.fileField;
    const parser = koaBody({
      ...bodyOptions,
      multipart: true,
      formidable: {
        uploadDir,
        maxFileSize: Math.max(1, limits.maxFiles * limits.maxFileBytes),
        maxFields: limits.maxFields,
        maxFieldsSize: limits.maxFieldsBytes,
        // Called before a file part is opened: a file refused here never touches the disk.
        filter: ({ name }) => {
          files += 1;
          if (limits.maxFiles === 0) refusal ??= 'none';
          else if (name !== limits.fileField) {
            refusal ??= 'field';
            refusedField = name ?? '';
          } else if (files > limits.maxFiles) refusal ??= 'count';
          return refusal === undefined;
        },
      },
    });
    try {
      await parser(ctx, async () => undefined);
    } catch (error) {
      throw multipartError(error as Error, limits);
    }
    if (refusal === 'none') {
      throw tooLarge('This route accepts no files', { limit: 0 });
    }
    if (refusal === 'field') {
      throw filesError('field', refusedField, `files are accepted only in "${limits.fileField}"`);
    }
    if (refusal === 'count') {
      throw filesError('tooMany', limits.fileField, `at most ${limits.maxFiles} files at a time`);
    }
    const parsed = (ctx.request as { files?: Record<string, ParsedFile | ParsedFile[]> }).files;
    for (const file of Object.values(parsed ?? {}).flat()) {
      if (file.size > limits.maxFileBytes) {
        throw tooLarge(
          `${file.originalFilename ?? 'a file'} is larger than ${formatBytes(limits.maxFileBytes)}`,
          { limit: limits.maxFileBytes },
        );
      }
    }
  }

  return async (ctx: Context, next: Next) => {
    if (!ctx.is('multipart')) {
      await parsePlain(ctx);
      return next();
    }

    const limits = multipartLimitsFor(ctx.method, ctx.path, mediaLibraryFileBytes);
    const declared = ctx.get('content-length');
    if (!declared) {
      throw createHttpError(411, 'A multipart body must declare its Content-Length');
    }
    if (Number(declared) > limits.maxBodyBytes) {
      // Refused before a byte is read.
      throw tooLarge(`This request body is limited to ${formatBytes(limits.maxBodyBytes)}`, {
        limit: limits.maxBodyBytes,
      });
    }

    const uploadDir = await mkdtemp(path.join(baseDir, 'request-'));
    let removal: Promise<void> | undefined;
    const removeFiles = () =>
      (removal ??= rm(uploadDir, { recursive: true, force: true, maxRetries: 3 }).catch(
        (error: Error) => {
          strapi.log.warn('could not remove request files', { error: error.message });
        },
      ));
    // The client may hang up while the body is still arriving; the parse may then never end.
    ctx.res.once('close', removeFiles);
    try {
      await parseMultipart(ctx, limits, uploadDir);
      await next();
    } finally {
      await removeFiles();
    }
  };
};
