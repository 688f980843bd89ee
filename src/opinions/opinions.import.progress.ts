/** Background work of imports in this process: the tasks running, and their progress written as they go. */
import type { Executor } from "../db/index.ts";
import { updateImport, type ImportChanges, type ImportStatus } from "./opinions.import.queries.ts";

/** Where background work reports what went wrong (Fastify's logger). */
export interface ImportLog {
  error(details: object, message: string): void;
}

// Per database: the imports this process is working on, so that shutdown (and tests) can wait for them and
// a silent import is not taken for a dead one while it runs here.
const running = new WeakMap<Executor, Map<string, Promise<void>>>();

/** Runs `work` after this turn of the event loop, tracked until it ends; its failure is logged. */
export function inBackground(db: Executor, importId: string, work: () => Promise<void>, log: ImportLog | undefined) {
  const tasks = running.get(db) ?? new Map<string, Promise<void>>();
  running.set(db, tasks);
  const task = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((error: unknown) => log?.error({ err: error, importId }, "opinion import failed"))
    .finally(() => tasks.delete(importId));
  tasks.set(importId, task);
}

/** Resolves once every import this process works on for `db` has finished (graceful shutdown, tests). */
export async function settleImports(db: Executor): Promise<void> {
  const tasks = running.get(db);
  while (tasks && tasks.size > 0) await Promise.allSettled([...tasks.values()]);
}

/**
 * Writes progress without making the work wait: at most one write in flight, the latest value next. Inside
 * a commit on PGlite (one connection) a write waits for the transaction's end, where `from` no longer holds.
 */
export function progressWriter(db: Executor, importId: string, from: ImportStatus, log: ImportLog | undefined) {
  let latest: ImportChanges | null = null;
  let inFlight: Promise<void> | null = null;
  let closed = false;
  const flush = () => {
    if (closed || inFlight || latest === null) return;
    const changes = latest;
    latest = null;
    inFlight = updateImport(db, importId, from, changes)
      .then(
        () => undefined,
        (error: unknown) => log?.error({ err: error, importId }, "import progress not written"),
      )
      .finally(() => {
        inFlight = null;
        flush();
      });
  };
  return {
    report(rowsDone: number, progress: number) {
      latest = { rowsDone, progress: Math.round(progress * 1000) / 1000 };
      flush();
    },
    /** Stops writing and waits for the write in flight. */
    async close() {
      closed = true;
      while (inFlight) await inFlight;
    },
  };
}

/** Whether this process is working on the import now. */
export function isImportRunningHere(db: Executor, importId: string): boolean {
  return running.get(db)?.has(importId) ?? false;
}
