import { CMS_URL, MEDIA_ORIGIN } from 'astro:env/server';
import { createMediaProxy } from './media-proxy';

/** The portal's picture routes against this deployment's CMS and bucket (see media-proxy.ts). */
export const { uploadedImage, privateImage, bucketImage } = createMediaProxy({
  cmsUrl: CMS_URL,
  mediaOrigin: MEDIA_ORIGIN,
});
