/**
 * Where security state lives: rate-limit counters and session tombstones. Unlike the cache,
 * nothing here is ever dropped to make room for other entries, so no amount of cache traffic
 * can reset a limit or bring a revoked session back. Entries only expire.
 */
export interface CounterStore {
  readonly kind: 'redis' | 'memory';
  /**
   * Adds one to a counter that lives `windowSeconds` from its first increment (a fixed
   * window); returns the new count and how long until the window ends.
   */
  increment(key: string, windowSeconds: number): Promise<{ count: number; resetInMs: number }>;
  /** Takes one back from a live counter (a refunded attempt); never creates one. */
  decrement(key: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Marks `key` for `ttlSeconds` (e.g. a revoked session). */
  mark(key: string, ttlSeconds: number): Promise<void>;
  isMarked(key: string): Promise<boolean>;
  /** Deletes every key starting with `prefix`; returns how many were deleted. */
  deleteByPrefix(prefix: string): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Raised when the store cannot be reached; callers decide whether to fail open or closed. */
export class CounterStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`counter store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CounterStoreUnavailableError';
  }
}

/**
 * Raised by the in-process store when it holds its maximum of live keys: it refuses new
 * keys rather than dropping any (dropping one would reset somebody's limit).
 */
export class CounterStoreFullError extends Error {
  constructor(maxKeys: number) {
    super(`counter store full: ${maxKeys} live keys`);
    this.name = 'CounterStoreFullError';
  }
}

export function assertWindow(seconds: number): void {
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new RangeError(`window must be a positive number of seconds, got ${seconds}`);
  }
}
