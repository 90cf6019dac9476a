import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { loadEnv } from '../lib/env';
import { uploadLimitsFor } from '../lib/body/body-limits';
import { createMultipartReader, requestFilesDir } from '../lib/body/multipart';
import { mediaLibraryFileBytes } from '../lib/body/bounded-body';

/**
 * Reads the files of an upload route. A route middleware (route `config.middlewares`):
 * Strapi composes those after the route's authenticate, authorize and policies
 * (@strapi/core, services/server/compose-endpoint), so a caller who may not upload is
 * answered before a byte of the body is read, and no file of theirs reaches the disk. The
 * global body middleware has already refused a body over the route's size, or without one.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const readMultipart = createMultipartReader({
    baseDir: requestFilesDir(loadEnv().UPLOAD_TEMP_DIR),
    warn: (message, meta) => strapi.log.warn(message, meta),
  });

  return async (ctx: Context, next: Next) => {
    const limits = uploadLimitsFor(ctx.method, ctx.path, mediaLibraryFileBytes(strapi));
    // A JSON body was read by the global middleware; only a multipart one waits for us.
    if (!limits || !ctx.is('multipart')) return next();
    return readMultipart(ctx, limits, next);
  };
};
