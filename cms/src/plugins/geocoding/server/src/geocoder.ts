import { createHash } from 'node:crypto';
import { nearestDistrict } from '@motorghar/nepal';
import type { GeocodingConfig } from './config';
import { CACHE_KEY_PREFIX, SLOT_KEY } from './constants';
import { gazetteerLookup, words, type AddressInput } from './gazetteer';
import { createLimiter, type SlotStore } from './limiter';
import { NO_METRICS, type GeocoderMetrics } from './metrics';
import { ProviderError, providerQuery, searchProvider } from './provider';

/** The part of the app's shared cache (`global::cache`) the geocoder uses. */
export interface GeocoderCache extends SlotStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
}

export interface GeocodeResult {
  lat: number;
  lng: number;
  source: 'provider' | 'gazetteer';
}

export interface Geocoder {
  /**
   * Cache → provider → gazetteer → null, never longer than the configured timeout and never
   * rejecting. `refresh` skips the cache read ("geocode again"); the answer is still stored.
   */
  geocode(input: AddressInput, options?: { refresh?: boolean }): Promise<GeocodeResult | null>;
  /** The district (nearest headquarters) and province of a point in Nepal, else null. */
  reverse(lat: number, lng: number): { district: string; province: string } | null;
}

interface Logger {
  warn(message: string, meta?: unknown): void;
}

/** A cached provider answer: a point, or the provider's "no such place". */
type Cached = { lat: number; lng: number } | { none: true };

const TIMED_OUT = Symbol('timed out');
const within = <T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** The cache key of a provider query: its words, folded, hashed. */
export const cacheKey = (query: string) =>
  CACHE_KEY_PREFIX + createHash('sha256').update(words(query).join(' ')).digest('hex').slice(0, 32);

export function createGeocoder(options: {
  config: GeocodingConfig;
  cache: GeocoderCache;
  metrics?: GeocoderMetrics;
  log?: Logger;
}): Geocoder {
  const { config, cache } = options;
  const metrics = options.metrics ?? NO_METRICS;
  const log = options.log ?? { warn: () => undefined };
  const limiter = createLimiter({ store: cache, key: SLOT_KEY, intervalMs: config.minIntervalMs });
  const provider = config.providerUrl
    ? { url: config.providerUrl, userAgent: config.userAgent, email: config.email }
    : null;

  /** The provider's answer (from the cache or a request), or undefined when it gave none. */
  async function fromProvider(
    input: AddressInput,
    deadline: number,
    refresh: boolean,
  ): Promise<Cached | undefined> {
    if (!provider) return undefined;
    const query = providerQuery(input);
    if (!query || query === 'Nepal') return undefined;
    const key = cacheKey(query);
    if (!refresh) {
      try {
        const hit = await within(cache.get<Cached>(key), deadline - Date.now());
        if (hit !== TIMED_OUT && hit !== undefined) {
          metrics.cacheHit();
          return hit;
        }
      } catch (error) {
        log.warn('[geocoding] cache read failed', { error: (error as Error).message });
      }
    }
    let slot: boolean | typeof TIMED_OUT;
    try {
      slot = await within(limiter.acquire(deadline), deadline - Date.now());
    } catch (error) {
      // Without the shared slot the one-request-per-second promise cannot be kept: skip.
      log.warn('[geocoding] provider slot unavailable', { error: (error as Error).message });
      metrics.providerFailure('slot');
      return undefined;
    }
    if (slot !== true) {
      metrics.providerFailure('slot');
      return undefined;
    }
    metrics.providerCall();
    try {
      const point = await searchProvider(provider, query, deadline - Date.now());
      const value: Cached = point ?? { none: true };
      await cache.set(key, value, config.cacheTtlSeconds).catch((error: unknown) => {
        log.warn('[geocoding] cache write failed', { error: (error as Error).message });
      });
      return value;
    } catch (error) {
      const reason = error instanceof ProviderError ? error.reason : 'network';
      metrics.providerFailure(reason);
      log.warn('[geocoding] provider failed', { reason, error: (error as Error).message });
      return undefined;
    }
  }

  function fromGazetteer(input: AddressInput): GeocodeResult | null {
    const match = gazetteerLookup(input);
    if (!match) {
      metrics.unresolved();
      return null;
    }
    metrics.gazetteer(match.match);
    return { lat: match.lat, lng: match.lng, source: 'gazetteer' };
  }

  return {
    async geocode(input, geocodeOptions = {}) {
      const deadline = Date.now() + config.timeoutMs;
      let answer: Cached | undefined | typeof TIMED_OUT;
      try {
        answer = await within(
          fromProvider(input, deadline, geocodeOptions.refresh === true),
          config.timeoutMs,
        );
      } catch (error) {
        log.warn('[geocoding] provider step failed', { error: (error as Error).message });
        answer = undefined;
      }
      if (answer === TIMED_OUT) metrics.providerFailure('timeout');
      if (answer && answer !== TIMED_OUT && !('none' in answer)) {
        return { lat: answer.lat, lng: answer.lng, source: 'provider' };
      }
      return fromGazetteer(input);
    },

    reverse(lat, lng) {
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
      const district = nearestDistrict(lat, lng);
      return district ? { district: district.code, province: district.province } : null;
    },
  };
}
