import { createMemoryCounters } from './memory-counters';
import { createRedisCounters } from './redis-counters';
import type { CounterStore } from './counter-store';

export * from './counter-store';
export { createMemoryCounters } from './memory-counters';
export { createRedisCounters, evictsLiveKeys } from './redis-counters';

/** Redis when a URL is configured, the in-process store otherwise; same interface. */
export function createCounterStore(options: {
  redisUrl?: string;
  prefix: string;
  onError?: (error: Error) => void;
}): CounterStore {
  return options.redisUrl
    ? createRedisCounters({
        url: options.redisUrl,
        prefix: options.prefix,
        onError: options.onError,
      })
    : createMemoryCounters();
}
