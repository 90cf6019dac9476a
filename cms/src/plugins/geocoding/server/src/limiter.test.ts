import { createLimiter, SLOT_MARGIN_MS, type SlotStore } from './limiter';

/** An in-memory slot store with a settable clock (the limiter's own waits are real). */
function store(): SlotStore & { keys: Map<string, number> } {
  const keys = new Map<string, number>();
  return {
    kind: 'memory',
    keys,
    async add(key, _value, ttlSeconds) {
      const until = keys.get(key);
      if (until !== undefined && until > Date.now()) return false;
      keys.set(key, Date.now() + ttlSeconds * 1000);
      return true;
    },
  };
}

describe('provider slot limiter', () => {
  it('lets one caller through per interval and the next once the slot expires', async () => {
    const slots = store();
    const limiter = createLimiter({ store: slots, key: 'slot', intervalMs: 200 });
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        if (await limiter.acquire(Date.now() + 2000)) times.push(Date.now());
      }),
    );
    expect(times).toHaveLength(3);
    times.sort((a, b) => a - b);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(200 + SLOT_MARGIN_MS - 5);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(200 + SLOT_MARGIN_MS - 5);
  });

  it('gives up at the deadline instead of waiting for the slot', async () => {
    const limiter = createLimiter({ store: store(), key: 'slot', intervalMs: 1000 });
    expect(await limiter.acquire(Date.now() + 500)).toBe(true);
    const started = Date.now();
    expect(await limiter.acquire(Date.now() + 150)).toBe(false);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('rejects when the store is down (the caller skips the provider)', async () => {
    const down: SlotStore = { kind: 'redis', add: () => Promise.reject(new Error('ECONNREFUSED')) };
    const limiter = createLimiter({ store: down, key: 'slot', intervalMs: 1000 });
    await expect(limiter.acquire(Date.now() + 500)).rejects.toThrow('ECONNREFUSED');
  });
});
