import type { Core } from '@strapi/strapi';
import type { Cache } from './cache';
import type healthService from '../api/platform/services/health';
import type metricsService from '../api/platform/services/metrics';
import type sessionsService from '../api/identity/services/sessions';

export interface PlatformServices {
  cache: Cache;
  health: ReturnType<typeof healthService>;
  metrics: ReturnType<typeof metricsService>;
  sessions: ReturnType<typeof sessionsService>;
}

const SERVICE_UIDS: Record<keyof PlatformServices, string> = {
  cache: 'api::platform.cache',
  health: 'api::platform.health',
  metrics: 'api::platform.metrics',
  sessions: 'api::identity.sessions',
};

/** Typed access to the services shared across features. */
export function getService<Name extends keyof PlatformServices>(
  strapi: Core.Strapi,
  name: Name,
): PlatformServices[Name] {
  return strapi.service(SERVICE_UIDS[name] as never) as unknown as PlatformServices[Name];
}
