import type { Core } from '@strapi/strapi';
import type { GeocodingConfig } from './config';
import { PLUGIN } from './constants';
import { createGeocoder, type Geocoder, type GeocoderCache } from './geocoder';
import { createGeocoderMetrics, type GeocoderMetrics } from './metrics';

export interface Runtime {
  config: GeocodingConfig;
  metrics: GeocoderMetrics;
  geocoder: Geocoder;
}

const runtimes = new WeakMap<Core.Strapi, Runtime>();

/** The plugin's parts, made once per Strapi instance (a test may boot two in one process). */
export function runtime(strapi: Core.Strapi): Runtime {
  let parts = runtimes.get(strapi);
  if (!parts) {
    const config = strapi.config.get(`plugin::${PLUGIN}`) as GeocodingConfig;
    // The app's shared cache (src/lib/infrastructure.ts): Redis when REDIS_URL is set.
    const services = strapi.get('services') as { get(uid: string): unknown };
    const cache = services.get('global::cache') as GeocoderCache;
    const metrics = createGeocoderMetrics(strapi);
    const geocoder = createGeocoder({
      config,
      cache,
      metrics,
      log: { warn: (message, meta) => strapi.log.warn(message, meta) },
    });
    parts = { config, metrics, geocoder };
    runtimes.set(strapi, parts);
  }
  return parts;
}
