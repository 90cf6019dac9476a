import { batcher } from './batch';

describe('batcher', () => {
  it('runs the calls of one moment as one batch and answers each in order', async () => {
    const runs: number[][] = [];
    const batch = batcher(
      async (items: number[]) => {
        runs.push(items);
        return items.map((item) => item * 10);
      },
      { max: 100, waitMs: 5 },
    );
    const answers = await Promise.all([1, 2, 3].map((item) => batch.push(item)));
    expect(answers).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('splits at max and rejects every call of a batch that fails', async () => {
    const runs: number[][] = [];
    const batch = batcher(
      async (items: number[]) => {
        runs.push(items);
        if (items.includes(3)) throw new Error('database gone');
        return items;
      },
      { max: 2, waitMs: 5 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((item) => batch.push(item)));
    expect(runs).toEqual([[1, 2], [3]]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });
});
