/** A shared key-value cache with per-key TTL; Redis in production, in-process otherwise. */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  /** The stored value, or undefined when absent or expired. */
  get<T>(key: string): Promise<T | undefined>;
  /**
   * The stored value as the JSON text it is kept in, unparsed: for a value that goes out as
   * a response body as it is, so a hit costs no parse and no serialisation.
   */
  getJson(key: string): Promise<string | undefined>;
  /** Stores a JSON-serialisable value for `ttlSeconds` (fractions allowed). */
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  /** Stores the value only if the key is absent (atomic); true when it was stored. */
  add<T>(key: string, value: T, ttlSeconds: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * Adds one to a counter that lives `windowSeconds` from its first increment (a fixed
   * window); returns the new count and how long until the window ends.
   */
  increment(key: string, windowSeconds: number): Promise<{ count: number; resetInMs: number }>;
  /** Deletes every key starting with `prefix`; returns how many were deleted. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Resolves when the store answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Raised when the backing store cannot be reached. */
export class CacheUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`cache unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CacheUnavailableError';
  }
}

export function assertTtl(ttlSeconds: number): void {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive number, got ${ttlSeconds}`);
  }
}

export interface RememberOptions {
  /** Called when the cache fails; the value then comes from `load`. */
  onError?: (error: unknown) => void;
  /** Called once per read with how the cache answered. */
  onLookup?: (result: 'hit' | 'miss' | 'error') => void;
}

/**
 * `remember`, answering with the value's JSON text: a hit hands back the stored text without
 * parsing it; a miss loads, serialises once and stores that text.
 */
export async function rememberJson<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  options: RememberOptions = {},
): Promise<string> {
  try {
    const hit = await cache.getJson(key);
    if (hit !== undefined) {
      options.onLookup?.('hit');
      return hit;
    }
  } catch (error) {
    options.onLookup?.('error');
    options.onError?.(error);
    return JSON.stringify(await load());
  }
  options.onLookup?.('miss');
  const value = await load();
  await cache.set(key, value, ttlSeconds).catch((error: unknown) => options.onError?.(error));
  return JSON.stringify(value);
}

/**
 * Read-through helper: answers from the cache, else from `load`, storing the result.
 * A cache that is down never fails the read; the value comes from `load` instead.
 */
export async function remember<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  options: RememberOptions = {},
): Promise<T> {
  try {
    const hit = await cache.get<T>(key);
    if (hit !== undefined) {
      options.onLookup?.('hit');
      return hit;
    }
  } catch (error) {
    options.onLookup?.('error');
    options.onError?.(error);
    return load();
  }
  options.onLookup?.('miss');
  const value = await load();
  await cache.set(key, value, ttlSeconds).catch((error: unknown) => options.onError?.(error));
  return value;
}
