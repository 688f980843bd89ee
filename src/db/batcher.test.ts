import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher.ts";

describe("createBatcher (group commit)", () => {
  it("writes a lone call at once, alone", async () => {
    const batches: number[][] = [];
    const write = createBatcher(async (items: number[]) => {
      batches.push(items);
      return items.map((i) => i * 2);
    });
    expect(await write(21)).toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it("groups the calls made while a write runs and answers each with its own result", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const write = createBatcher(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((i) => i + 100);
    });
    const first = write(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4, 5].map((i) => write(i));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([101, 102, 103, 104, 105]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it("fails only the item whose write fails, not its neighbours", async () => {
    const write = createBatcher(async (items: number[]) => {
      if (items.includes(3)) throw new Error(`bad item in ${items.join(",")}`);
      return items;
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => write(i)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe("bad item in 3");
  });

  it("runs at most `parallelism` writes at once and never more than `maxBatch` items in one", async () => {
    let running = 0;
    let peak = 0;
    const sizes: number[] = [];
    const write = createBatcher(
      async (items: number[]) => {
        running += 1;
        peak = Math.max(peak, running);
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return items;
      },
      { parallelism: 2, maxBatch: 7 },
    );
    const values = Array.from({ length: 50 }, (_, i) => i);
    expect(await Promise.all(values.map((v) => write(v)))).toEqual(values);
    expect(peak).toBeLessThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(50);
  });
});
