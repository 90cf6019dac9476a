import type { Core } from '@strapi/strapi';
import { relocateCenter } from './centers';
import type { AddressInput } from './gazetteer';
import { runtime } from './runtime';

type Factory = { strapi: Core.Strapi };

/**
 * `strapi.plugin('geocoding').service(name)`:
 * - `geocoder`: `geocode({ address, city, district, province })` → `{ lat, lng, source }` or
 *   null (cache → provider → gazetteer); `reverse(lat, lng)` → `{ district, province }` or null;
 * - `centers`: `relocate(documentId)`: "geocode again" for one center.
 */
export default {
  geocoder: ({ strapi }: Factory) => ({
    geocode: (input: AddressInput, options?: { refresh?: boolean }) =>
      runtime(strapi).geocoder.geocode(input, options),
    reverse: (lat: number, lng: number) => runtime(strapi).geocoder.reverse(lat, lng),
  }),
  centers: ({ strapi }: Factory) => ({
    relocate: (documentId: string) =>
      relocateCenter(strapi, runtime(strapi).config.serviceCenterUid, documentId),
  }),
};
