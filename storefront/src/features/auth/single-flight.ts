interface Entry<V> {
  promise: Promise<V>;
  settledAt?: number;
}

/**
 * Shares one run of an async task among callers with the same key, and hands its result to
 * callers that arrive up to `graceMs` after it settled. The CMS treats a refresh token used
 * twice as stolen and ends the session, so two requests a browser sends at once with the
 * same refresh cookie must share one refresh. (Per process: instances do not share this.)
 */
export function createSingleFlight<V>(graceMs: number, now: () => number = Date.now) {
  const entries = new Map<string, Entry<V>>();

  const forgetStale = () => {
    for (const [key, entry] of entries) {
      if (entry.settledAt !== undefined && now() - entry.settledAt > graceMs) entries.delete(key);
    }
  };

  return (key: string, task: () => Promise<V>): Promise<V> => {
    forgetStale();
    const existing = entries.get(key);
    if (existing) return existing.promise;
    const entry: Entry<V> = { promise: task() };
    entry.promise = entry.promise.finally(() => {
      entry.settledAt = now();
    });
    entries.set(key, entry);
    return entry.promise;
  };
}
