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
 * Read-through helper: answers from the cache, else from `load`, storing the result.
 * A cache that is down never fails the read; the value comes from `load` instead.
 */
export function remember<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  options: RememberOptions = {},
): Promise<T> {
  return readThrough(
    cache,
    () => cache.get<T>(key),
    key,
    ttlSeconds,
    load,
    (value) => value,
    options,
  );
}

/**
 * `remember`, answering with the value's JSON text: a hit hands back the stored text without
 * parsing it; a miss loads, stores, and serialises the value once for the answer.
 */
export function rememberJson<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  options: RememberOptions = {},
): Promise<string> {
  return readThrough(
    cache,
    () => cache.getJson(key),
    key,
    ttlSeconds,
    load,
    JSON.stringify,
    options,
  );
}

/** Both of the above: `lookup` reads the cache in the answer's form, `answer` turns a loaded value into it. */
async function readThrough<T, A>(
  cache: Cache,
  lookup: () => Promise<A | undefined>,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  answer: (value: T) => A,
  options: RememberOptions,
): Promise<A> {
  try {
    const hit = await lookup();
    if (hit !== undefined) {
      options.onLookup?.('hit');
      return hit;
    }
  } catch (error) {
    options.onLookup?.('error');
    options.onError?.(error);
    return answer(await load());
  }
  options.onLookup?.('miss');
  const value = await load();
  await cache.set(key, value, ttlSeconds).catch((error: unknown) => options.onError?.(error));
  return answer(value);
}
