import Redis from 'ioredis';

export interface PrefixedRedisOptions {
  url: string;
  /** Namespace for every key, so several apps or test runs can share one Redis. */
  prefix: string;
  onError?: (error: Error) => void;
}

const SCAN_BATCH = 500;

/** Escapes Redis glob characters so a prefix matches literally. */
export function escapeGlob(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * One Redis connection under a key prefix, as the cache and the counter store each hold:
 * commands fail fast while Redis is unreachable (no offline queue), each failure surfacing as
 * the store's own "unavailable" error, and the operations both stores share.
 */
export function connectPrefixedRedis(
  options: PrefixedRedisOptions,
  unavailable: (cause: unknown) => Error,
) {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
    // Commands issued in the same tick, by however many requests, go out in one write: under
    // load a request's lookups share socket writes (syscalls here cost more than Redis does).
    enableAutoPipelining: true,
  });
  let lastError: string | undefined;
  redis.on('error', (error: Error) => {
    // Reconnect attempts repeat the same error; report each distinct failure once.
    if (error.message !== lastError) options.onError?.(error);
    lastError = error.message;
  });
  redis.on('ready', () => {
    lastError = undefined;
  });
  // Commands wait for the first connection attempt only; after that, a lost connection
  // fails them at once rather than stalling requests.
  const firstAttempt = new Promise<void>((resolve) => {
    redis.once('ready', resolve);
    redis.once('error', () => resolve());
    redis.once('end', resolve);
  });

  const key = (name: string) => `${options.prefix}${name}`;
  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      await firstAttempt;
      return await command();
    } catch (error) {
      throw unavailable(error);
    }
  };

  return {
    redis,
    key,
    run,
    /**
     * Counts one more in a window: one round trip, atomic across instances; the expiry is set
     * by the first increment only.
     */
    async increment(name: string, windowSeconds: number) {
      const windowMs = Math.ceil(windowSeconds * 1000);
      const results = await run(() =>
        redis.multi().incr(key(name)).pexpire(key(name), windowMs, 'NX').pttl(key(name)).exec(),
      );
      const [[incrError, count], , [ttlError, ttl]] = results ?? [
        [new Error('transaction aborted'), 0],
        [null, 0],
        [null, 0],
      ];
      if (incrError || ttlError) throw unavailable(incrError ?? ttlError);
      return { count: Number(count), resetInMs: Math.max(Number(ttl), 0) };
    },
    async delete(name: string) {
      await run(() => redis.unlink(key(name)));
    },
    async deleteByPrefix(prefix: string) {
      const pattern = `${escapeGlob(key(prefix))}*`;
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await run(() =>
          redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH),
        );
        cursor = next;
        if (keys.length > 0) deleted += await run(() => redis.unlink(...keys));
      } while (cursor !== '0');
      return deleted;
    },
    async ping() {
      await run(() => redis.ping());
    },
    async close() {
      redis.disconnect();
    },
  };
}
