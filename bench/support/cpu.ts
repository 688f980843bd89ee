/**
 * CPU time a benchmark's server spends: its own process (with PGlite the database runs inside it) and, on
 * PostgreSQL, each backend serving its database. Unlike a throughput ratio, CPU per request hardly moves
 * with what else the machine is doing.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import type { Executor } from "../../src/db/index.ts";

/** CPU time used so far, in microseconds: the server process, and each backend of its database by process id. */
export interface CpuSnapshot {
  appMicros: number;
  backendMicros: Record<string, number>;
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** utime + stime of a local process, from /proc (Linux), in microseconds; 0 once it has gone. */
function processCpuMicros(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The CPU used so far by this process and, when `isPostgres`, by the backends of `db`'s database. */
export async function cpuSnapshot(db: Executor, isPostgres: boolean): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  const backendMicros: Record<string, number> = {};
  if (isPostgres) {
    const { rows } = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
    for (const { pid } of rows) backendMicros[pid] = processCpuMicros(pid);
  }
  return { appMicros: usage.user + usage.system, backendMicros };
}

/** CPU used between two snapshots: the app's, and the backends' (a backend that started meanwhile counts whole). */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): { app: number; db: number } {
  let db = 0;
  for (const [pid, micros] of Object.entries(after.backendMicros)) db += micros - (before.backendMicros[pid] ?? 0);
  return { app: after.appMicros - before.appMicros, db };
}
