import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Context, Next } from 'koa';
// The parser @strapi/core's own `strapi::body` uses (it pins koa-body 6.0.1).
import { koaBody } from 'koa-body';
import { FORM_LIMIT_BYTES, formatBytes, type MultipartLimits } from './body-limits';

interface ParsedFile {
  size: number;
  originalFilename?: string | null;
}

export const tooLarge = (message: string, details: Record<string, unknown> = {}) =>
  new errors.PayloadTooLargeError(message, details);

/** A refused set of files, in the shape the photo route's own refusals use. */
const filesError = (rule: string, field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, {
    rule,
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

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
  // Formidable's own wording only: it names the fault, never the body's content.
  return new errors.ValidationError('The multipart body could not be read');
}

/** Where request files go: a folder per request under UPLOAD_TEMP_DIR or the OS temp folder. */
export function requestFilesDir(configured: string | undefined): string {
  const baseDir = path.resolve(configured ?? path.join(os.tmpdir(), 'motorghar-uploads'));
  mkdirSync(baseDir, { recursive: true });
  return baseDir;
}

/** The refusals of a multipart body made before a byte of it is read. */
export function refuseUnreadable(ctx: Context, limits: MultipartLimits): void {
  const declared = ctx.get('content-length');
  if (!declared) {
    throw createHttpError(411, 'A multipart body must declare its Content-Length');
  }
  if (Number(declared) > limits.maxBodyBytes) {
    throw tooLarge(`This request body is limited to ${formatBytes(limits.maxBodyBytes)}`, {
      limit: limits.maxBodyBytes,
    });
  }
}

/**
 * Reads a multipart body within `limits` and runs `next`. Its files go into a folder of the
 * request's own that is removed when the request ends, however it ends: answered, refused,
 * thrown, or the client gone mid-body. A file part refused by name or count never touches the
 * disk (formidable asks before it opens one).
 */
export function createMultipartReader(options: {
  baseDir: string;
  warn: (message: string, meta: Record<string, unknown>) => void;
}) {
  async function parse(ctx: Context, limits: MultipartLimits, uploadDir: string) {
    let files = 0;
    let refusal: 'none' | 'field' | 'count' | undefined;
    let refusedField = limits.fileField;
    const parser = koaBody({
      multipart: true,
      formLimit: FORM_LIMIT_BYTES,
      formidable: {
        uploadDir,
        maxFileSize: Math.max(1, limits.maxFiles * limits.maxFileBytes),
        maxFields: limits.maxFields,
        maxFieldsSize: limits.maxFieldsBytes,
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

  return async function readMultipart(ctx: Context, limits: MultipartLimits, next: Next) {
    refuseUnreadable(ctx, limits);
    const uploadDir = await mkdtemp(path.join(options.baseDir, 'request-'));
    let removal: Promise<void> | undefined;
    const removeFiles = () =>
      (removal ??= rm(uploadDir, { recursive: true, force: true, maxRetries: 3 }).catch(
        (error: Error) => {
          options.warn('could not remove request files', { error: error.message });
        },
      ));
    // The client may hang up while the body is still arriving; the parse may then never end.
    ctx.res.once('close', removeFiles);
    try {
      await parse(ctx, limits, uploadDir);
      ctx.request.body ??= {};
      await next();
    } finally {
      await removeFiles();
    }
  };
}
