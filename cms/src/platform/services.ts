import type { Core } from '@strapi/strapi';
import type { Cache } from './cache';
import type { CounterStore } from './counters';
import type healthService from '../api/platform/services/health';
import type metricsService from '../api/platform/services/metrics';
import type sessionsService from '../api/identity/services/sessions';
import type catalogService from '../api/catalog/services/catalog';
import type catalogSeedService from '../api/catalog/services/catalog-seed';
import type profileService from '../api/profile/services/profile';
import type garageService from '../api/vehicle/services/garage';
import type garagePhotosService from '../api/vehicle/services/garage-photos';
import type garageRecordsService from '../api/vehicle/services/garage-records';

export interface PlatformServices {
  cache: Cache;
  counters: CounterStore;
  health: ReturnType<typeof healthService>;
  metrics: ReturnType<typeof metricsService>;
  sessions: ReturnType<typeof sessionsService>;
  catalog: ReturnType<typeof catalogService>;
  catalogSeed: ReturnType<typeof catalogSeedService>;
  profile: ReturnType<typeof profileService>;
  garage: ReturnType<typeof garageService>;
  garagePhotos: ReturnType<typeof garagePhotosService>;
  garageRecords: ReturnType<typeof garageRecordsService>;
}

const SERVICE_UIDS: Record<keyof PlatformServices, string> = {
  cache: 'api::platform.cache',
  counters: 'api::platform.counters',
  health: 'api::platform.health',
  metrics: 'api::platform.metrics',
  sessions: 'api::identity.sessions',
  catalog: 'api::catalog.catalog',
  catalogSeed: 'api::catalog.catalog-seed',
  profile: 'api::profile.profile',
  garage: 'api::vehicle.garage',
  garagePhotos: 'api::vehicle.garage-photos',
  garageRecords: 'api::vehicle.garage-records',
};

/** Typed access to the app's services, by short name. */
export function getService<Name extends keyof PlatformServices>(
  strapi: Core.Strapi,
  name: Name,
): PlatformServices[Name] {
  return strapi.service(SERVICE_UIDS[name] as never) as unknown as PlatformServices[Name];
}
