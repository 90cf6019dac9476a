import { errors } from '@strapi/utils';
import {
  isOverPixelLimit,
  MAX_IMAGE_PIXELS,
  measureImage,
  pixelLimitMessage,
} from '../../lib/media/pixel-limit';

interface UploadFile {
  name?: string;
  filepath?: string;
  getStream?: () => NodeJS.ReadableStream;
}

type Step = (file: UploadFile, ...rest: unknown[]) => Promise<unknown>;

interface Route {
  method: string;
  path: string;
  config?: { middlewares?: unknown[] } & Record<string, unknown>;
}

interface UploadPlugin {
  services: Record<string, unknown> & { 'image-manipulation': Record<string, Step> };
  routes: Record<string, { routes: Route[] } | undefined>;
}

/** The media library's routes that take files (admin panel; see lib/body/body-limits). */
const FILE_ROUTES = ['/', '/files', '/files/:id/replace'];

/**
 * Files are read by a route middleware, which Strapi runs after the route's authentication
 * and policies (`admin::isAuthenticatedAdmin`, permissions): the global body middleware
 * leaves these bodies unread, so an unknown caller's files never reach the disk.
 */
function readFilesAfterAuthentication(plugin: UploadPlugin): void {
  const routes = plugin.routes.admin?.routes ?? [];
  const fileRoutes = routes.filter(
    (route) => route.method === 'POST' && FILE_ROUTES.includes(route.path),
  );
  if (fileRoutes.length !== FILE_ROUTES.length) {
    // A plugin upgrade moved them: without the middleware their files would never be read.
    throw new Error('upload plugin: the media library upload routes were not found');
  }
  for (const route of fileRoutes) {
    route.config = {
      ...route.config,
      middlewares: [...(route.config?.middlewares ?? []), 'global::upload-body'],
    };
  }
}

/** Every step of the upload plugin that decodes a whole image (sharp, no pixel limit). */
const DECODING_STEPS = [
  'isFaultyImage',
  'optimize',
  'generateThumbnail',
  'generateResponsiveFormats',
] as const;

/**
 * The refusal, before any decode: the plugin's sharp calls pass no `limitInputPixels`, so
 * sharp's own ceiling (268 MP) is all that stands between a 420 KB PNG and 16 s of work.
 */
async function refuseOversized(file: UploadFile): Promise<void> {
  let extent;
  try {
    extent = await measureImage(file);
  } catch {
    return; // Not an image sharp can read: the plugin's own checks answer that.
  }
  if (isOverPixelLimit(extent)) {
    const message = pixelLimitMessage(file.name ?? 'the image', extent);
    throw new errors.ValidationError(`files: ${message}`, {
      rule: 'pixels',
      maxPixels: MAX_IMAGE_PIXELS,
      errors: [{ path: ['files'], message, name: 'ValidationError' }],
    });
  }
}

/**
 * The media library (admin) and every other caller of the upload service measure an image
 * from its header before the plugin decodes it, and refuse it above the pixel limit; the
 * media library reads uploaded files only once the admin is known.
 */
export default (plugin: UploadPlugin) => {
  const stock = plugin.services['image-manipulation'];
  const guarded: Record<string, Step> = { ...stock };
  for (const step of DECODING_STEPS) {
    const decode = stock[step];
    guarded[step] = async (file, ...rest) => {
      await refuseOversized(file);
      return decode(file, ...rest);
    };
  }
  plugin.services['image-manipulation'] = guarded;
  readFilesAfterAuthentication(plugin);
  return plugin;
};
