import type { Core, UID } from '@strapi/strapi';
import { prepareCenterData } from './centers';
import config from './config';
import centers from './controllers';
import policies from './policies';
import routes from './routes';
import { runtime } from './runtime';
import services from './services';

export type { GeocodingConfig } from './config';
export type { GeocodeResult, Geocoder } from './geocoder';
export { createGeocoder } from './geocoder';
export { createLimiter } from './limiter';
export { gazetteerLookup } from './gazetteer';

type DocumentContext = {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> };
};

export default {
  config,
  controllers: { centers },
  policies,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    // Geocodes a center saved without coordinates, before it is written (so the i18n plugin
    // copies the point to the other locales: coordinates are not localized).
    strapi.documents.use(async (context, next) => {
      const { uid, action, params } = context as unknown as DocumentContext;
      if (
        (action === 'create' || action === 'update') &&
        uid === runtime(strapi).config.serviceCenterUid
      ) {
        await prepareCenterData(strapi, uid, params);
      }
      return next();
    });
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const { serviceCenterUid } = runtime(strapi).config;
    if (!strapi.contentType(serviceCenterUid as UID.ContentType)) {
      throw new Error(`geocoding: serviceCenterUid ${serviceCenterUid} is not a content type`);
    }
  },
};
