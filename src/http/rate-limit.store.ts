import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { RateLimitIncrements, RateLimitTotal } from "./rate-limit.queries.ts";
import { nowMs } from "../calendar/clock.ts";

/** A key's window as this instance sees it: the last total read back, increments being sent, increments since. */
interface Entry {
  windowStartMs: number;
  expiresAtMs: number;
  known: number;
  sending: number;
  pending: number;
}

/**
 * Rate-limit counters shared by the app's instances without a database round trip per request. Each request
 * is counted here and judged on the key's total as this instance last read it plus its own requests since;
 * `flush` (run every few hundred milliseconds) adds those requests to the shared counters in one statement
 * and reads back the totals of the keys it touched. A window starts at a key's first request, as in the
 * plugin's memory store; an instance that joins a key's window adopts the window the database holds.
 */
export class SharedRateLimitCounts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly send: (batch: RateLimitIncrements) => Promise<RateLimitTotal[]>,
    private readonly now: () => number = nowMs,
  ) {}

  /** Counts one request for `key` in its window of `timeWindowMs`: the count to judge it by and the window's time left. */
  incr(key: string, timeWindowMs: number): { current: number; ttl: number } {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.expiresAtMs <= now) {
      entry = { windowStartMs: now, expiresAtMs: now + timeWindowMs, known: 0, sending: 0, pending: 0 };
      this.entries.set(key, entry);
    }
    entry.pending += 1;
    return { current: entry.known + entry.sending + entry.pending, ttl: entry.expiresAtMs - now };
  }

  /**
   * Adds the requests counted since the last flush to the shared counters and takes back their totals; ended
   * windows are forgotten. On failure the requests stay counted here and go with the next flush.
   */
  async flush(): Promise<void> {
    const now = this.now();
    const batch: [string, Entry][] = [];
    for (const [key, entry] of this.entries) {
      if (entry.expiresAtMs <= now) this.entries.delete(key);
      else if (entry.pending > 0) batch.push([key, entry]);
    }
    if (batch.length === 0) return;
    batch.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, entry] of batch) {
      entry.sending = entry.pending;
      entry.pending = 0;
    }
    let totals: RateLimitTotal[];
    try {
      totals = await this.send({
        keys: batch.map(([key]) => key),
        windowStartsMs: batch.map(([, entry]) => entry.windowStartMs),
        expiresAtMs: batch.map(([, entry]) => entry.expiresAtMs),
        increments: batch.map(([, entry]) => entry.sending),
      });
    } catch (error) {
      for (const [, entry] of batch) {
        entry.pending += entry.sending;
        entry.sending = 0;
      }
      throw error;
    }
    const byKey = new Map(totals.map((total) => [total.key, total]));
    for (const [key, entry] of batch) {
      const total = byKey.get(key);
      entry.known = total ? total.count : entry.known + entry.sending;
      if (total) entry.expiresAtMs = total.expires_ms;
      entry.sending = 0;
    }
  }
}

/**
 * A store class for @fastify/rate-limit counting in `counts`. Each route's limit is a child counting under
 * the route's method and URL, so that routes never share a count; a limiter made by `app.createRateLimit`
 * has no route, and its key generator must name the route itself (see `perDeviceLimit`).
 */
export function sharedRateLimitStore(counts: SharedRateLimitCounts): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly scope = "",
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      callback(null, counts.incr(this.scope + key, timeWindow));
    }

    child(routeOptions: object): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedRateLimitStore(undefined, route?.url ? `${[route.method ?? ""].flat().join(",")} ${route.url} ` : "");
    }
  }
  return SharedRateLimitStore;
}
