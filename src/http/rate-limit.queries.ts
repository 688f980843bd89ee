import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/** One flush: for each key (in a fixed order), its window as this instance sees it and the increments since the last flush. */
export interface RateLimitIncrements {
  keys: string[];
  windowStartsMs: number[];
  expiresAtMs: number[];
  increments: number[];
}

/** A key's count across every instance, in the window the database holds for it. */
export interface RateLimitTotal {
  key: string;
  expires_ms: number;
  count: number;
}

/**
 * Adds each key's increments (negative ones give counts back, as the login limits do) to its shared counter in
 * one statement and returns the totals. A counter whose window ended before the instance's window began starts
 * again from the increments (the key's next window); otherwise they join the window already held, whichever
 * instance opened it. Keys are sent sorted so that two instances flushing together lock their rows in the same order.
 */
export async function addRateLimitCounts(db: Executor, batch: RateLimitIncrements): Promise<RateLimitTotal[]> {
  const result = await sql<RateLimitTotal>`/* prepared: add_rate_limit_counts */
    INSERT INTO rate_limit_counts AS t (key, window_start, expires_at, count)
    SELECT key, to_timestamp(start_ms / 1000.0), to_timestamp(end_ms / 1000.0), n
    FROM unnest(${batch.keys}::text[], ${batch.windowStartsMs}::float8[], ${batch.expiresAtMs}::float8[], ${batch.increments}::int[])
      AS u(key, start_ms, end_ms, n)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN t.expires_at <= excluded.window_start THEN excluded.window_start ELSE t.window_start END,
      expires_at = CASE WHEN t.expires_at <= excluded.window_start THEN excluded.expires_at ELSE t.expires_at END,
      count = CASE WHEN t.expires_at <= excluded.window_start THEN excluded.count ELSE t.count + excluded.count END
    RETURNING key, (extract(epoch FROM expires_at) * 1000)::float8 AS expires_ms, count`.execute(db);
  return result.rows;
}

/** Deletes the counters whose window ended more than a minute ago. */
export async function deleteExpiredRateLimitCounts(db: Executor, now: Date): Promise<void> {
  await sql`DELETE FROM rate_limit_counts WHERE expires_at < ${now}::timestamptz - interval '1 minute'`.execute(db);
}
