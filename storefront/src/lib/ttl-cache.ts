/** Options of a `createTtlCache`. */
export interface TtlCacheOptions {
  /** How long an entry is served after it was stored. */
  ttlMs: number;
  /** The most entries kept; the oldest stored goes first when a new one would pass it. */
  maxEntries: number;
  now?: () => number;
}

/** A small in-process cache whose entries expire a fixed time after they were stored. */
export interface TtlCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  /**
   * The cached value, or the one `load` gives (stored when `keep` says so). Concurrent misses
   * of one key share a single `load`, so an expiry under load sends one request, not one a
   * connection.
   */
  getOrLoad(key: K, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
}

export function createTtlCache<K, V>({
  ttlMs,
  maxEntries,
  now = Date.now,
}: TtlCacheOptions): TtlCache<K, V> {
  const entries = new Map<K, { value: V; expires: number }>();
  const loading = new Map<K, Promise<V>>();

  const cache: TtlCache<K, V> = {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires > now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttlMs });
      // Maps iterate in insertion order: the first key is the oldest stored.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
    },
    delete(key) {
      entries.delete(key);
      loading.delete(key);
    },
    getOrLoad(key, load, keep = () => true) {
      const cached = cache.get(key);
      if (cached !== undefined) return Promise.resolve(cached);
      const pending = loading.get(key);
      if (pending) return pending;
      const promise = load().then(
        (value) => {
          // A delete() while loading (sign-out, profile change) wins over this older value.
          if (loading.get(key) === promise) {
            loading.delete(key);
            if (keep(value)) cache.set(key, value);
          }
          return value;
        },
        (error: unknown) => {
          if (loading.get(key) === promise) loading.delete(key);
          throw error;
        },
      );
      loading.set(key, promise);
      return promise;
    },
  };
  return cache;
}
