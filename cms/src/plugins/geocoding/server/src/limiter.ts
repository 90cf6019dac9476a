/** The part of the app's cache the limiter uses: an atomic "store unless present" with a TTL. */
export interface SlotStore {
  readonly kind: 'redis' | 'memory';
  add<T>(key: string, value: T, ttlSeconds: number): Promise<boolean>;
}

export interface Limiter {
  /**
   * Waits for the provider's slot: true once this caller holds it (no other request, from
   * any instance sharing the store, starts within `intervalMs`), false when `deadline`
   * (epoch ms) comes first. Rejects when the store cannot be reached.
   */
  acquire(deadline: number): Promise<boolean>;
}

/**
 * Extra time a slot is held past the interval: the request that took it reaches the provider
 * a few ms after the slot is taken, and the next one may travel faster.
 */
export const SLOT_MARGIN_MS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most one provider request per `intervalMs` across every instance sharing `store`: the
 * slot is a key stored only when absent (Redis `SET NX PX`, or the in-process cache without
 * Redis) that expires after the interval. A caller that finds it taken polls until it expires.
 */
export function createLimiter(options: {
  store: SlotStore;
  key: string;
  intervalMs: number;
  pollMs?: number;
}): Limiter {
  const ttlSeconds = (options.intervalMs + SLOT_MARGIN_MS) / 1000;
  const pollMs = options.pollMs ?? Math.max(5, Math.min(50, Math.floor(options.intervalMs / 10)));
  return {
    async acquire(deadline: number) {
      for (;;) {
        if (await options.store.add(options.key, Date.now(), ttlSeconds)) return true;
        const wait = pollMs + Math.floor(Math.random() * pollMs);
        if (Date.now() + wait >= deadline) return false;
        await sleep(wait);
      }
    },
  };
}
