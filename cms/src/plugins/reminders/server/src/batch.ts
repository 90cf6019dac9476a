/**
 * Gathers single calls into one: `push(item)` resolves with the item's own answer once a
 * batch of at most `max` items, or whatever came within `waitMs` of the first, has been run
 * by `run` (one SQL statement for many rows instead of one per row). `run` answers in the
 * order it was given; if it throws, every item of that batch rejects with the error.
 */
export function batcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { max, waitMs }: { max: number; waitMs: number },
) {
  let items: I[] = [];
  let waiters: Array<{ resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  let timer: NodeJS.Timeout | null = null;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = items;
    const settle = waiters;
    items = [];
    waiters = [];
    if (batch.length === 0) return;
    run(batch).then(
      (answers) => settle.forEach((waiter, index) => waiter.resolve(answers[index])),
      (error) => settle.forEach((waiter) => waiter.reject(error)),
    );
  }

  return {
    push(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        items.push(item);
        waiters.push({ resolve, reject });
        if (items.length >= max) flush();
        else timer ??= setTimeout(flush, waitMs);
      });
    },
    /** Runs what is gathered now (stopping). */
    flush,
  };
}
