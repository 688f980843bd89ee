/** Messages between the benchmark (parent) and the server process it forks (server.ts). */
import type { CpuSnapshot } from "../support/cpu.ts";

/** What the server process opens: PostgreSQL at `url`, or PGlite in the data directory `dataDir`. */
export type ServerTarget = { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string };

/** Environment variable carrying the JSON of the ServerTarget to the server process. */
export const SERVER_TARGET_ENV = "LANGNGHE_BENCH_TARGET";

/** The two HTTP targets: a bare Fastify insert, and the product's public submission endpoint. */
export type TargetName = "baseline" | "product";

export type Command =
  | { cmd: "tagCounts"; target: TargetName; run: string }
  | { cmd: "newUnit" }
  | { cmd: "unitCounts"; unitId: string }
  | { cmd: "cpu" }
  | { cmd: "close" };

/** Rows of one run: `[tag, how many rows carry it]`, and for the product the rows written with them. */
export interface TagCounts {
  tags: [string, number][];
  rows: number;
  /** Product only: audit entries of these opinions (one per opinion). */
  audits?: number;
}

export interface UnitCounts {
  opinions: number;
  distinctTrackingCodes: number;
  audits: number;
  contacts: number;
}

export type CommandResult = TagCounts | UnitCounts | CpuSnapshot | { unitId: string } | null;

export interface Ready {
  type: "ready";
  baselinePort: number;
  productPort: number;
  unitId: string;
  serverVersion: string;
}

export interface Reply {
  type: "reply";
  id: number;
  ok: boolean;
  result?: CommandResult;
  error?: string;
}

export type ServerMessage = Ready | Reply;
export type ParentMessage = { id: number } & Command;
