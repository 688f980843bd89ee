/**
 * Group commit: `write(items)` stores many items in one statement. Calls made while the writes under way
 * (at most `parallelism`) are running wait and go together into the next one, so a busy server makes one
 * round trip (and one commit) for many requests, and an idle one writes each item at once.
 */
export function createBatcher<I, O>(
  write: (items: I[]) => Promise<O[]>,
  { maxBatch = 200, parallelism = 1 }: { maxBatch?: number; parallelism?: number } = {},
): (item: I) => Promise<O> {
  type Pending = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
  let queue: Pending[] = [];
  let workers = 0;

  async function settle(batch: Pending[]) {
    try {
      const results = await write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad item must not fail its neighbours: write each alone to find out whose error it is.
      for (const pending of batch) await settle([pending]);
    }
  }

  async function work() {
    workers += 1;
    while (queue.length > 0) {
      // Let requests already on the sockets reach the queue first: with PGlite the database runs on this
      // thread, and without this turn of the event loop every batch would hold a single item.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      await settle(batch);
    }
    workers -= 1;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (workers < parallelism) void work();
    });
}
