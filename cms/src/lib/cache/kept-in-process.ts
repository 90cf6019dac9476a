/**
 * A read this process keeps per key (a locale, say) instead of asking the database or the
 * shared cache on every request. An entry is good until `generation()` moves (a write in
 * this process) or `ttlMs` passes (a write in another instance); a failed load is not kept.
 * Concurrent callers share one load.
 */
export function keptInProcess<Value>(
  load: (key: string) => Promise<Value>,
  options: { ttlMs: number; generation: () => number },
): (key: string) => Promise<Value> {
  const kept = new Map<string, { value: Promise<Value>; generation: number; until: number }>();
  return (key) => {
    const generation = options.generation();
    const known = kept.get(key);
    if (known && known.generation === generation && known.until > Date.now()) return known.value;
    const value = load(key);
    const entry = { value, generation, until: Date.now() + options.ttlMs };
    kept.set(key, entry);
    value.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    return value;
  };
}
