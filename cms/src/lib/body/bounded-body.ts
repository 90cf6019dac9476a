import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Context, Next } from 'koa';
// The parser @strapi/core's own `strapi::body` uses (it pins koa-body 6.0.1).
import { koaBody } from 'koa-body';
import { loadEnv } from '../env';
import {
  FIELDS_ONLY,
  FORM_LIMIT_BYTES,
  formatBytes,
  isContentApiPath,
  isRawUploadRoute,
  JSON_LIMIT_BYTES,
  JSON_TYPES,
  uploadLimitsFor,
} from './body-limits';
import { createMultipartReader, refuseUnreadable, requestFilesDir, tooLarge } from './multipart';

export const MEDIA_LIBRARY_DEFAULT_FILE_BYTES = 10 * 1024 * 1024;

/** The media library's largest file: the upload plugin's own `sizeLimit`. */
export const mediaLibraryFileBytes = (strapi: Core.Strapi) =>
  strapi.config.get<number>('plugin::upload.sizeLimit') ?? MEDIA_LIBRARY_DEFAULT_FILE_BYTES;

const FORM_TYPES = ['urlencoded'];

/** The kind of non-multipart body, to name its limit. */
function plainKind(ctx: Context): { kind: string; limit: number } {
  if (ctx.is(FORM_TYPES)) return { kind: 'Form', limit: FORM_LIMIT_BYTES };
  return { kind: 'JSON', limit: JSON_LIMIT_BYTES };
}

/** A request that carries bytes (an empty body is no body). */
function carriesBody(ctx: Context): boolean {
  if (ctx.get('transfer-encoding')) return true;
  const length = ctx.get('content-length');
  return length !== '' && length !== '0';
}

const unsupported = (accepted: string[]) =>
  createHttpError(415, `This route takes request bodies of type ${accepted.join(' or ')} only`, {
    details: { accepted },
  });

/**
 * The parser's refusals, rebuilt from status and kind alone: co-body attaches the raw body
 * to a parse error (`error.body`, and V8 may quote part of it in the message), and Strapi's
 * errors middleware logs what it does not know at error level, so a password sent in a
 * malformed login would be written to the log.
 */
function parseError(error: { status?: number; message?: string }, ctx: Context): Error {
  const { kind, limit } = plainKind(ctx);
  if (error.status === 413) {
    return tooLarge(`${kind} bodies are limited to ${formatBytes(limit)}`, { limit });
  }
  if (error.status === 400 && kind === 'JSON') {
    return new errors.ValidationError(
      error.message?.includes('only supports object and array')
        ? 'The request body must be a JSON object or array'
        : 'The request body is not valid JSON',
    );
  }
  if (error.status === 400)
    return new errors.ValidationError(`The request body is not valid ${kind}`);
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
  return createHttpError(status, 'The request body could not be read');
}

/**
 * Replaces `strapi::body`, and runs before anyone is known. Every body is bounded; the content
 * API (`/api`, any spelling) reads JSON only; a body of a type a route does not take is a 415
 * before a byte is read. On an upload route a multipart body is checked against the route's
 * size (411 without a Content-Length, 413 over it) and left unread: the route's own
 * `global::upload-body` reads it after authentication, authorization and policies, so files of
 * a caller who may not upload never reach the disk. Stock controllers always get an object as
 * `ctx.request.body`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const env = loadEnv();
  const readMultipart = createMultipartReader({
    baseDir: requestFilesDir(env.UPLOAD_TEMP_DIR),
    warn: (message, meta) => strapi.log.warn(message, meta),
  });
  const plainParser = koaBody({
    jsonLimit: JSON_LIMIT_BYTES,
    formLimit: FORM_LIMIT_BYTES,
    text: false,
    multipart: false,
  });

  async function parsePlain(ctx: Context) {
    if (ctx.is('+json') && !ctx.is('application/json')) {
      // koa-body reads a fixed list of JSON types; any `+json` type is JSON by its suffix
      // (RFC 6839), so it is read as application/json, its charset kept.
      const charset = ctx.request.charset;
      ctx.req.headers['content-type'] = `application/json${charset ? `; charset=${charset}` : ''}`;
    }
    try {
      await plainParser(ctx, async () => undefined);
    } catch (error) {
      throw parseError(error as { status?: number; message?: string }, ctx);
    }
  }

  return async (ctx: Context, next: Next) => {
    const request = ctx.request as { body?: unknown };
    if (!carriesBody(ctx)) {
      request.body = {};
      return next();
    }
    if (isRawUploadRoute(ctx.method, ctx.path)) {
      // Left unread: the route checks the signed type and length, then streams it to disk.
      request.body = {};
      return next();
    }
    const contentApi = isContentApiPath(ctx.path);
    const upload = uploadLimitsFor(ctx.method, ctx.path, mediaLibraryFileBytes(strapi));
    const multipart = Boolean(ctx.is('multipart'));

    if (multipart && upload) {
      refuseUnreadable(ctx, upload);
      request.body = {};
      return next();
    }
    const accepted = [
      'application/json',
      ...(upload ? ['multipart/form-data'] : []),
      ...(contentApi ? [] : ['application/x-www-form-urlencoded', 'multipart/form-data']),
    ];
    if (contentApi && !ctx.is(JSON_TYPES)) throw unsupported([...new Set(accepted)]);

    if (multipart) {
      // Outside the content API only (the admin panel): a few fields, never a file.
      return readMultipart(ctx, FIELDS_ONLY, next);
    }
    if (!ctx.is([...JSON_TYPES, ...FORM_TYPES])) {
      // Text among them: never an object, which every controller expects.
      throw unsupported([...new Set(accepted)]);
    }
    await parsePlain(ctx);
    request.body ??= {};
    return next();
  };
};
