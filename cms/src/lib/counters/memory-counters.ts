import { assertWindow, CounterStoreFullError, type CounterStore } from './counter-store';

interface Entry {
  count: number;
  expiresAt: number;
}

export interface MemoryCounterOptions {
  /**
   * Live keys at most (default 200,000, some 40 MB). Reached only under a flood from very
   * many addresses within one window; new keys are then refused, none is ever evicted.
   */
  maxKeys?: number;
  now?: () => number;
}

/** Expired entries are swept after this many writes, and whenever the store looks full. */
const SWEEP_EVERY_WRITES = 1_000;

/**
 * In-process counters for a single instance without Redis. Bounded by time, not by evicting:
 * every key expires with its window, expired keys are swept regularly, and a hard ceiling of
 * live keys refuses new ones instead of dropping old ones.
 */
export function createMemoryCounters(options: MemoryCounterOptions = {}): CounterStore {
  const maxKeys = options.maxKeys ?? 200_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let writes = 0;

  const sweep = () => {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  };

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  /** Room for one new key, or CounterStoreFullError. */
  const makeRoom = () => {
    writes += 1;
    if (writes % SWEEP_EVERY_WRITES === 0 || entries.size >= maxKeys) sweep();
    if (entries.size >= maxKeys) throw new CounterStoreFullError(maxKeys);
  };

  return {
    kind: 'memory',
    async increment(key, windowSeconds) {
      assertWindow(windowSeconds);
      const entry = live(key);
      if (entry) {
        entry.count += 1;
        return { count: entry.count, resetInMs: entry.expiresAt - now() };
      }
      makeRoom();
      const expiresAt = now() + windowSeconds * 1000;
      entries.set(key, { count: 1, expiresAt });
      return { count: 1, resetInMs: expiresAt - now() };
    },
    async decrement(key) {
      const entry = live(key);
      if (entry && entry.count > 0) entry.count -= 1;
    },
    async delete(key) {
      entries.delete(key);
    },
    async mark(key, ttlSeconds) {
      assertWindow(ttlSeconds);
      if (!live(key)) makeRoom();
      entries.set(key, { count: 1, expiresAt: now() + ttlSeconds * 1000 });
    },
    async isMarked(key) {
      return live(key) !== undefined;
    },
    async deleteByPrefix(prefix) {
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
