import type { Core } from '@strapi/strapi';
import type { Cache } from './cache';
import type healthService from '../api/platform/services/health';
import type metricsService from '../api/platform/services/metrics';

export interface PlatformServices {
  cache: Cache;
  health: ReturnType<typeof healthService>;
  metrics: ReturnType<typeof metricsService>;
}

/** Typed access to the platform services (`api::platform.*`). */
export function getService<Name extends keyof PlatformServices>(
  strapi: Core.Strapi,
  name: Name,
): PlatformServices[Name] {
  return strapi.service(`api::platform.${name}`) as unknown as PlatformServices[Name];
}
