export interface GeocodingConfig {
  /** The content type geocoded on save. */
  serviceCenterUid: string;
  /** A Nominatim-compatible search API; null skips the provider (embedded default, tests). */
  providerUrl: string | null;
  /** Sent as User-Agent: Nominatim's usage policy asks for one naming the application. */
  userAgent: string;
  /** Sent as `email=`, so the provider's operators can reach us; null sends none. */
  email: string | null;
  /** The longest a save waits for the whole chain (cache, slot, provider), in ms. */
  timeoutMs: number;
  /** How long a provider answer (a point, or "no such place") is kept in the cache. */
  cacheTtlSeconds: number;
  /** The shortest time between two provider requests across all instances, in ms. */
  minIntervalMs: number;
}

const wholeNumber = (name: string, value: unknown, min: number, max: number) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
};

/**
 * Strapi calls this with the merged config at boot; a throw stops the boot with
 * "Error regarding geocoding config: <message>".
 */
export function validateConfig(config: unknown): asserts config is GeocodingConfig {
  const value = (config ?? {}) as Partial<GeocodingConfig>;
  if (
    typeof value.serviceCenterUid !== 'string' ||
    !/^api::[\w-]+\.[\w-]+$/.test(value.serviceCenterUid)
  ) {
    throw new Error(
      `serviceCenterUid must be a content type uid (api::name.name), got ${JSON.stringify(value.serviceCenterUid)}`,
    );
  }
  if (value.providerUrl !== null) {
    let url: URL | null = null;
    try {
      url = typeof value.providerUrl === 'string' ? new URL(value.providerUrl) : null;
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      throw new Error(
        `providerUrl (GEOCODER_URL) must be an http(s) URL or unset, got ${JSON.stringify(value.providerUrl)}`,
      );
    }
  }
  if (typeof value.userAgent !== 'string' || value.userAgent.trim().length < 3) {
    throw new Error(
      `userAgent (GEOCODER_USER_AGENT) must name the application, got ${JSON.stringify(value.userAgent)}`,
    );
  }
  if (
    value.email !== null &&
    (typeof value.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(value.email))
  ) {
    throw new Error(
      `email (GEOCODER_EMAIL) must be an email address or unset, got ${JSON.stringify(value.email)}`,
    );
  }
  wholeNumber('timeoutMs (GEOCODER_TIMEOUT_MS)', value.timeoutMs, 100, 30_000);
  wholeNumber(
    'cacheTtlSeconds (GEOCODER_CACHE_TTL_SECONDS)',
    value.cacheTtlSeconds,
    1,
    365 * 86_400,
  );
  wholeNumber('minIntervalMs (GEOCODER_MIN_INTERVAL_MS)', value.minIntervalMs, 1, 60_000);
}

export const DEFAULT_CONFIG: GeocodingConfig = {
  serviceCenterUid: 'api::service-center.service-center',
  providerUrl: null,
  userAgent: 'MotorGhar/1.0 (service center map)',
  email: null,
  timeoutMs: 2000,
  cacheTtlSeconds: 30 * 86_400,
  minIntervalMs: 1000,
};

export default { default: DEFAULT_CONFIG, validator: validateConfig };
