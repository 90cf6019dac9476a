import type { Core } from '@strapi/strapi';
import { Counter, type Registry } from 'prom-client';

export type FailureReason = 'timeout' | 'http' | 'network' | 'invalid' | 'outside' | 'slot';

export interface GeocoderMetrics {
  cacheHit(): void;
  providerCall(): void;
  providerFailure(reason: FailureReason): void;
  gazetteer(match: 'town' | 'district'): void;
  unresolved(): void;
  error(stage: 'save' | 'relocate'): void;
}

const noop = () => undefined;
export const NO_METRICS: GeocoderMetrics = {
  cacheHit: noop,
  providerCall: noop,
  providerFailure: noop,
  gazetteer: noop,
  unresolved: noop,
  error: noop,
};

/** The plugin's series on the app's registry (`global::metrics`), as the reminders plugin. */
export function createGeocoderMetrics(strapi: Core.Strapi): GeocoderMetrics {
  const services = strapi.get('services') as { get(uid: string): unknown };
  const app = services.get('global::metrics') as { registry?: Registry } | undefined;
  const registry = app?.registry;
  if (!registry) return NO_METRICS;
  const registers = [registry];
  const hits = new Counter({
    name: 'geocoder_cache_hits_total',
    help: 'Geocoding requests answered from the cache (no provider request)',
    registers,
  });
  const calls = new Counter({
    name: 'geocoder_provider_calls_total',
    help: 'Requests sent to the geocoding provider',
    registers,
  });
  const failures = new Counter({
    name: 'geocoder_provider_failures_total',
    help: 'Provider requests that gave no usable answer (down, slow, bad answer, point abroad, no slot in time), by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  const fallbacks = new Counter({
    name: 'geocoder_gazetteer_fallbacks_total',
    help: 'Addresses placed by the bundled gazetteer, by match (a town, or the district headquarters)',
    labelNames: ['match'] as const,
    registers,
  });
  const unresolved = new Counter({
    name: 'geocoder_unresolved_total',
    help: 'Addresses no step of the chain could place (the center is flagged "needs coordinates")',
    registers,
  });
  const errors = new Counter({
    name: 'geocoder_errors_total',
    help: 'Unexpected geocoding errors (logged; the save went on), by stage',
    labelNames: ['stage'] as const,
    registers,
  });
  return {
    cacheHit: () => hits.inc(),
    providerCall: () => calls.inc(),
    providerFailure: (reason) => failures.inc({ reason }),
    gazetteer: (match) => fallbacks.inc({ match }),
    unresolved: () => unresolved.inc(),
    error: (stage) => errors.inc({ stage }),
  };
}
