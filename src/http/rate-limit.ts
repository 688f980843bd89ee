import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import { AppError } from "./errors.ts";
import { addRateLimitCounts, deleteExpiredRateLimitCounts } from "./rate-limit.queries.ts";
import { SharedRateLimitCounts, sharedRateLimitStore } from "./rate-limit.store.ts";
import type { App, AppDeps } from "./types.ts";
import { nowMs } from "../calendar/clock.ts";

/** Per-address limit on a public endpoint (`max` a minute), answered in the error contract. */
export const publicRateLimit = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
      new AppError(429, "request.rate_limited", { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  },
});

/** How often an instance adds its requests to the shared counters: the bound of the overshoot below. */
export const RATE_LIMIT_FLUSH_MS = 300;
const CLEANUP_EVERY_MS = 60_000;

/**
 * The options of @fastify/rate-limit. On PostgreSQL the counters are shared by every instance
 * (rate_limit_counts, see SharedRateLimitCounts) with no database round trip per request: a background flush
 * every `flushEveryMs` adds this instance's requests and reads back the totals. An instance never lets more
 * than the limit through by itself; past it, a key gets at most what each other instance let through before
 * its next flush read the total — one flush interval (plus the flush's round trip) of requests per other
 * instance. While the database is unreachable each instance holds the limit on its own counts. On PGlite (one
 * process, by design) the plugin's memory store counts.
 */
export function rateLimitOptions(
  app: App,
  { db, engine }: Pick<AppDeps, "db" | "engine">,
  flushEveryMs = RATE_LIMIT_FLUSH_MS,
): RateLimitPluginOptions {
  if (engine === "pglite") return { global: false };
  const counts = new SharedRateLimitCounts((batch) => addRateLimitCounts(db, batch));
  let lastCleanup = nowMs();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const flushOnce = async () => {
    await counts.flush();
    if (nowMs() - lastCleanup >= CLEANUP_EVERY_MS) {
      lastCleanup = nowMs();
      await deleteExpiredRateLimitCounts(db, new Date(lastCleanup));
    }
  };
  const schedule = () => {
    // The next flush is timed from the end of this one, so flushes never overlap; the timer keeps no process alive.
    timer = setTimeout(() => {
      running = flushOnce()
        .catch((error: unknown) => app.log.warn({ err: error }, "rate-limit counters not flushed; retrying with the next flush"))
        .finally(() => {
          running = undefined;
          if (!closed) schedule();
        });
    }, flushEveryMs);
    timer.unref();
  };
  schedule();
  app.addHook("onClose", async () => {
    closed = true;
    clearTimeout(timer);
    await running;
  });
  return { global: false, store: sharedRateLimitStore(counts) };
}
