import { describe, expect, it, vi } from 'vitest';
import { createSingleFlight } from './single-flight';

describe('createSingleFlight', () => {
  it('runs a task once for callers that arrive together with the same key', async () => {
    const once = createSingleFlight<string>(1000);
    const task = vi.fn(async () => 'new pair');

    const results = await Promise.all([once('r1', task), once('r1', task), once('r1', task)]);

    expect(results).toEqual(['new pair', 'new pair', 'new pair']);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('hands the result to a caller arriving shortly after, then forgets it', async () => {
    let clock = 0;
    const once = createSingleFlight<number>(1000, () => clock);
    let runs = 0;
    const task = async () => ++runs;

    await once('r1', task);
    clock = 500;
    await expect(once('r1', task)).resolves.toBe(1);
    clock = 2000;
    await expect(once('r1', task)).resolves.toBe(2);
  });

  it('runs separately for different keys', async () => {
    const once = createSingleFlight<string>(1000);

    await expect(once('a', async () => 'A')).resolves.toBe('A');
    await expect(once('b', async () => 'B')).resolves.toBe('B');
  });
});
