import type { Executor } from "./index.ts";
import { nowMs } from "../calendar/clock.ts";

/** A memo of one piece of configuration per database, with a way to drop it after a change. */
export interface DbCache<T> {
  get(db: Executor): Promise<T>;
  /** Forgets the memo of `db`: the next read loads it again (call after changing the configuration). */
  invalidate(db: Executor): void;
}

/**
 * A per-database memo of rarely changing configuration (deadline rules, topics, routing rules) that
 * every submission reads: each instance reloads it after `ttlMs` (so a change made through another
 * instance shows within that time), and forgets a failed load at once.
 */
export function cachedPerDb<T>(load: (db: Executor) => Promise<T>, ttlMs = 60_000): DbCache<T> {
  const cache = new WeakMap<Executor, { loadedAt: number; value: Promise<T> }>();
  return {
    get(db) {
      const cached = cache.get(db);
      if (cached && nowMs() - cached.loadedAt < ttlMs) return cached.value;
      const value = load(db);
      cache.set(db, { loadedAt: nowMs(), value });
      value.catch(() => cache.delete(db));
      return value;
    },
    invalidate(db) {
      cache.delete(db);
    },
  };
}
