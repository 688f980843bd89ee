import { describe, expect, it } from "vitest";
import type { LiveBus } from "../db/live-bus.ts";
import { createForumLive } from "./forums.live.ts";

/** A bus inside one test: what is published is heard by the subscribers, as NOTIFY would deliver it. */
function memoryBus(): LiveBus {
  const listeners = new Set<(payload: string) => void>();
  return {
    async publish(payload) {
      queueMicrotask(() => listeners.forEach((l) => l(payload)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("the forum live hub (coalesced fan-out)", () => {
  it("reads a changed view once for 2,000 subscribers, however many changes arrive at once", async () => {
    let version = 0;
    let reads = 0;
    const live = createForumLive({
      bus: memoryBus(),
      read: async () => {
        reads += 1;
        await new Promise((r) => setTimeout(r, 20));
        return { version };
      },
    });
    const received = Array.from({ length: 2_000 }, () => [] as string[]);
    const stops = received.map((chunks) => live.subscribe("f1", "public", (chunk) => chunks.push(chunk)));
    await until(() => received.every((c) => c.length === 1));
    expect(reads).toBe(1);
    reads = 0;
    version = 1;
    await Promise.all(Array.from({ length: 50 }, () => live.changed("f1", ["public"])));
    await until(() => received.every((c) => c.at(-1)?.includes('"version":1') === true));
    expect(reads).toBeLessThanOrEqual(2);
    expect(live.subscriberCount()).toBe(2_000);
    // An unchanged state is not sent again; a change of another view or forum reads nothing here.
    const before = received[0]!.length;
    await live.changed("f1", ["public"]);
    await live.changed("f2", ["public"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(received[0]!.length).toBe(before);
    stops.forEach((stop) => stop());
    expect(live.subscriberCount()).toBe(0);
    await live.close();
  });

  it("gathers minor changes (supports) within a second and never lets them delay a change people wait for", async () => {
    let reads = 0;
    let version = 0;
    const live = createForumLive({ bus: memoryBus(), read: async () => ((reads += 1), { version }) });
    const chunks: string[] = [];
    live.subscribe("f1", "public", (chunk) => chunks.push(chunk));
    await until(() => chunks.length === 1);
    reads = 0;
    version = 1;
    for (let i = 0; i < 20; i++) await live.changed("f1", ["public"], { minor: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(0);
    version = 2;
    const urgentAt = Date.now();
    await live.changed("f1", ["public"]);
    await until(() => chunks.at(-1)?.includes('"version":2') === true);
    expect(Date.now() - urgentAt).toBeLessThan(250);
    expect(reads).toBe(1);
    await live.close();
  });
});
