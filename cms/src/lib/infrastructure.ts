import type { Core } from '@strapi/strapi';
import type { Cache } from './cache';
import createCache from './cache/service';
import type { CounterStore } from './counters';
import createCounters from './counters/service';
import createMetrics, { type Metrics } from './metrics';

/**
 * The services every domain and plugin shares: one cache, one counter store and one
 * metrics registry per Strapi instance. They belong to no domain, so they are registered
 * under `global::` (src/index.ts calls {@link registerInfrastructure} first thing); a
 * plugin reaches the same instances with `strapi.service('global::cache')`, never by
 * bundling its own copy.
 */
export const INFRASTRUCTURE_UIDS = {
  cache: 'global::cache',
  counters: 'global::counters',
  metrics: 'global::metrics',
} as const;

interface Infrastructure {
  cache: Cache;
  counters: CounterStore;
  metrics: Metrics;
}

type ServiceFactory = (deps: { strapi: Core.Strapi }) => unknown;

/** The part of Strapi's service registry used here (`strapi.service()` only types api/plugin uids). */
interface ServiceRegistry {
  get(uid: string): unknown;
  set(uid: string, factory: ServiceFactory): unknown;
}

const registry = (strapi: Core.Strapi) => strapi.get<ServiceRegistry>('services');

/** Registers the shared services; instances are made on first use, as Strapi's own. */
export function registerInfrastructure(strapi: Core.Strapi): void {
  const factories: Record<keyof Infrastructure, ServiceFactory> = {
    cache: createCache,
    counters: createCounters,
    metrics: createMetrics,
  };
  for (const name of Object.keys(factories) as Array<keyof Infrastructure>) {
    registry(strapi).set(INFRASTRUCTURE_UIDS[name], factories[name]);
  }
}

function infrastructure<Name extends keyof Infrastructure>(
  strapi: Core.Strapi,
  name: Name,
): Infrastructure[Name] {
  return registry(strapi).get(INFRASTRUCTURE_UIDS[name]) as Infrastructure[Name];
}

/** The shared cache (Redis when REDIS_URL is set). */
export const getCache = (strapi: Core.Strapi): Cache => infrastructure(strapi, 'cache');
/** Rate-limit counters and session tombstones, apart from the cache. */
export const getCounters = (strapi: Core.Strapi): CounterStore =>
  infrastructure(strapi, 'counters');
/** The Prometheus registry of this instance. */
export const getMetrics = (strapi: Core.Strapi): Metrics => infrastructure(strapi, 'metrics');

/** Closes the connections the shared services hold (at Strapi's destroy). */
export async function closeInfrastructure(strapi: Core.Strapi): Promise<void> {
  await getCache(strapi).close();
  await getCounters(strapi).close();
}
