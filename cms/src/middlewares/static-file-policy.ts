import { ReadStream } from 'node:fs';
import path from 'node:path';
import type { Context, Next } from 'koa';

/**
 * The routes that serve files from `public/`: the upload plugin's `/uploads/(.*)` and
 * `strapi::public`'s catch-all (which also reaches `public/uploads` by a spelling such as
 * `/x/../uploads/…`).
 */
const STATIC_ROUTES = new Set(['/uploads/(.*)', '/((?!uploads/).+)']);

/** Types a browser only ever renders passively; everything else is served as a download. */
const INLINE_TYPES = [
  /^image\/(jpeg|png|webp|gif|avif|x-icon|vnd\.microsoft\.icon)$/,
  /^video\//,
  /^audio\//,
  /^text\/plain$/,
];

/**
 * Files in `public/` are served from the CMS origin, the origin of `/admin`. Whatever ended
 * up there (a media-library file, an owner photo from before the private store, a file
 * planted by other means) must never run as a page or a script there, whatever its
 * extension says: raster images, audio, video
 * and plain text are served inline; anything else (HTML, SVG, XML, JavaScript, CSS, PDF…)
 * only as an opaque download. Every file also gets `nosniff` and a sandboxing policy, so
 * even a mislabelled file cannot be read as active content.
 */
export default (
  _config: unknown = {},
  { strapi }: { strapi?: { dirs?: { dist?: { root?: string } } } } = {},
) => {
  // The admin panel's own bundle (`strapi build` output in <dist>/build, where Strapi's
  // serve-admin-panel route reads it) is the app, not an uploaded file: it must run as a page.
  const distRoot = strapi?.dirs?.dist?.root;
  const adminBuild = distRoot === undefined ? undefined : path.resolve(distRoot, 'build');
  const isAdminBundle = (body: unknown) =>
    adminBuild !== undefined &&
    body instanceof ReadStream &&
    path.resolve(String(body.path)).startsWith(adminBuild + path.sep);
  return async (ctx: Context & { _matchedRoute?: string | RegExp }, next: Next) => {
    await next();
    const isStaticFile =
      STATIC_ROUTES.has(String(ctx._matchedRoute)) || ctx.body instanceof ReadStream;
    if (!isStaticFile || ctx.body == null || isAdminBundle(ctx.body)) return;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    if (!INLINE_TYPES.some((type) => type.test(ctx.response.type))) {
      ctx.type = 'application/octet-stream';
      ctx.set('Content-Disposition', 'attachment');
    }
  };
};
