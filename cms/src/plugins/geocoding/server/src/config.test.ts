import { DEFAULT_CONFIG, validateConfig } from './config';

const withValue = (patch: Record<string, unknown>) => () =>
  validateConfig({ ...DEFAULT_CONFIG, ...patch });

describe('geocoding config (checked at boot: a throw stops it)', () => {
  it('accepts the embedded default (no provider) and a configured provider', () => {
    expect(withValue({})).not.toThrow();
    expect(
      withValue({ providerUrl: 'https://nominatim.example.org', email: 'maps@motorghar.com.np' }),
    ).not.toThrow();
  });

  it.each([
    [{ providerUrl: 'ftp://nominatim.example.org' }, /GEOCODER_URL/],
    [{ providerUrl: 'not a url' }, /GEOCODER_URL/],
    [{ userAgent: '' }, /GEOCODER_USER_AGENT/],
    [{ email: 'maps at motorghar' }, /GEOCODER_EMAIL/],
    [{ timeoutMs: 50 }, /GEOCODER_TIMEOUT_MS/],
    [{ timeoutMs: Number.NaN }, /GEOCODER_TIMEOUT_MS/],
    [{ cacheTtlSeconds: 0 }, /GEOCODER_CACHE_TTL_SECONDS/],
    [{ minIntervalMs: 0 }, /GEOCODER_MIN_INTERVAL_MS/],
    [{ minIntervalMs: 1.5 }, /GEOCODER_MIN_INTERVAL_MS/],
    [{ serviceCenterUid: 'service-center' }, /serviceCenterUid/],
  ])('refuses %o naming the variable', (patch, message) => {
    expect(withValue(patch)).toThrow(message);
  });
});
