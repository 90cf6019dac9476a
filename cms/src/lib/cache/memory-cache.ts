import { assertTtl, type Cache } from './cache';

interface Entry {
  json: string;
  expiresAt: number;
}

export interface MemoryCacheOptions {
  /** Oldest entries are evicted beyond this many. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * In-process cache for the embedded default. Values are stored serialised, so callers get
 * copies exactly as they would from Redis.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    kind: 'memory',
    async get<T>(key: string) {
      const entry = live(key);
      return entry ? (JSON.parse(entry.json) as T) : undefined;
    },
    async getJson(key: string) {
      return live(key)?.json;
    },
    async set<T>(key: string, value: T, ttlSeconds: number) {
      assertTtl(ttlSeconds);
      entries.delete(key);
      entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
    },
    async add<T>(key: string, value: T, ttlSeconds: number) {
      assertTtl(ttlSeconds);
      if (live(key)) return false;
      entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
      return true;
    },
    async increment(key: string, windowSeconds: number) {
      assertTtl(windowSeconds);
      const entry = live(key);
      const count = entry ? (JSON.parse(entry.json) as number) + 1 : 1;
      const expiresAt = entry ? entry.expiresAt : now() + windowSeconds * 1000;
      entries.set(key, { json: JSON.stringify(count), expiresAt });
      return { count, resetInMs: expiresAt - now() };
    },
    async delete(key: string) {
      entries.delete(key);
    },
    async deleteByPrefix(prefix: string) {
      let deleted = 0;
      for (const key of [...entries.keys()]) {
        if (key.startsWith(prefix) && live(key)) {
          entries.delete(key);
          deleted += 1;
        }
      }
      return deleted;
    },
    async ping() {},
    async close() {
      entries.clear();
    },
  };
}
