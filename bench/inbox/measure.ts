/**
 * The measuring side: the inbox queries as the service issues them (`listOpinionsOfUnits` with the
 * parameters `listOpinions` passes), timed one after another through the product's database handle, and
 * their plans (EXPLAIN ANALYZE of the exact SQL that Kysely compiles for them).
 */
import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from "kysely";
import type { Database } from "../../src/db/index.ts";
import { listOpinionsOfUnits, type OpinionFilter } from "../../src/opinions/opinions.queries.ts";
import { OPEN_STATUSES } from "../../src/opinions/opinions.workflow.ts";
import { startOfDayInVietnam, todayInVietnam } from "../../src/text/dates.ts";
import { foldForSearch } from "../../src/text/vietnamese.ts";
import { listSubtreeUnitIds } from "../../src/units/units.queries.ts";
import type { UnitTree } from "./dataset.ts";
import { COMMON_QUERY, RARE_QUERY } from "./vocabulary.ts";

export type Engine = "pglite" | "postgres";
export const ENGINE_NAMES: Record<Engine, string> = { pglite: "PGlite (embedded)", postgres: "PostgreSQL" };

/** The command-line options. */
export interface Options {
  rows: number;
  /** Rows for PGlite when it differs (it loads slower and runs in the benchmark's process). */
  pgliteRows: number;
  engines: Engine[];
  runs: number;
  warmup: number;
  /** Seconds at most per query: a slow query is measured fewer times (never fewer than MIN_RUNS). */
  budget: number;
  batch: number;
  /** Try the candidate index on PostgreSQL after the measurements, and measure again. */
  experiment: boolean;
  write: boolean;
}

export const PAGE_SIZE = 20;
/** The page followed to by cursor for the deep-page query. */
export const DEEP_PAGE = 50;
const MIN_RUNS = 10;

export function progress(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Search words exactly as the service derives them from the query string (`searchWords` in the service). */
export function searchWords(q: string): string[] {
  return foldForSearch(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
}

type ListFilter = OpinionFilter & { afterId?: string; limit: number };

/** One measured query. */
export interface QueryCase {
  key: string;
  label: string;
  /** The inbox filter, for the product's queries (undefined for the baseline and the subtree lookup). */
  filter?: () => ListFilter;
  run(db: Kysely<Database>): Promise<number>;
  /** EXPLAIN (ANALYZE, BUFFERS) of what `run` sends (inbox queries only). */
  explain?: (db: Kysely<Database>) => Promise<string>;
}

export interface Timing {
  key: string;
  label: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rows: number;
}

/** The queries (a)–(g), the bare baseline and the subtree lookup, for the given tree. */
export async function queryCases(db: Kysely<Database>, tree: UnitTree): Promise<QueryCase[]> {
  // What listOpinions does first on every request: the ids of the actor's subtree.
  const provinceUnits = await listSubtreeUnitIds(db, tree.provinceId);
  const communeUnits = await listSubtreeUnitIds(db, tree.officerCommuneId);
  const busiestUnits = await listSubtreeUnitIds(db, tree.communeIds[0]!);
  const districtUnits = await listSubtreeUnitIds(db, tree.districtIds[0]!);
  const limit = PAGE_SIZE + 1; // the service asks one more row to know whether a next page exists

  // The cursor of page DEEP_PAGE, followed page by page as the web app does.
  let afterId: string | undefined;
  for (let page = 1; page < DEEP_PAGE; page++) {
    const rows = await listOpinionsOfUnits(db, { unitIds: provinceUnits, afterId, limit });
    const last = rows.slice(0, PAGE_SIZE).at(-1);
    if (rows.length <= PAGE_SIZE || !last) throw new Error(`the province inbox has no page ${page + 1}`);
    afterId = last.id;
  }
  const deepCursor = afterId;

  const today = todayInVietnam();
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86400_000).toISOString().slice(0, 10);
  const list = (key: string, label: string, filter: () => ListFilter): QueryCase => ({
    key,
    label,
    filter,
    run: async (handle) => (await listOpinionsOfUnits(handle, filter())).length,
    explain: async (handle) => explainCompiled(handle, await compiledList(filter())),
  });
  return [
    {
      key: "baseline",
      label: "baseline: bare `SELECT id … WHERE unit_id = $1 ORDER BY created_at DESC LIMIT 20` (the commune)",
      run: async (handle) =>
        (
          await sql<{ id: string }>`SELECT id FROM opinions WHERE unit_id = ${tree.officerCommuneId}
            ORDER BY created_at DESC LIMIT 20`.execute(handle)
        ).rows.length,
    },
    {
      key: "subtree",
      label: `the province's subtree ids (\`listSubtreeUnitIds\`, before every list; ${provinceUnits.length} units)`,
      run: async (handle) => (await listSubtreeUnitIds(handle, tree.provinceId)).length,
    },
    list("a", "(a) commune officer, first page (1 unit, a typical commune: 43rd busiest of 100)", () => ({ unitIds: communeUnits, limit })),
    list("a2", "(a′) the busiest commune's officer, first page (1 unit)", () => ({ unitIds: busiestUnits, limit })),
    list("b", `(b) province leader, first page (${provinceUnits.length} units)`, () => ({ unitIds: provinceUnits, limit })),
    list("c", `(c) province, page ${DEEP_PAGE} by cursor`, () => ({ unitIds: provinceUnits, afterId: deepCursor, limit })),
    list("d", "(d) province, status ASSIGNED + overdue", () => ({
      unitIds: provinceUnits,
      status: "ASSIGNED",
      overdue: { now: new Date(), openStatuses: OPEN_STATUSES },
      limit,
    })),
    list("e", `(e) province, search "${COMMON_QUERY}" (two common short words)`, () => ({
      unitIds: provinceUnits,
      words: searchWords(COMMON_QUERY),
      limit,
    })),
    list("f", `(f) province, search "${RARE_QUERY}" (a rare word)`, () => ({
      unitIds: provinceUnits,
      words: searchWords(RARE_QUERY),
      limit,
    })),
    list("g", "(g) province, topic traffic + last 30 days", () => ({
      unitIds: provinceUnits,
      topic: "traffic",
      receivedFrom: startOfDayInVietnam(monthAgo),
      receivedBefore: startOfDayInVietnam(today, 1),
      limit,
    })),
    list("h", "(h) a historical district, first page (1 unit, ceased 28/02/2025)", () => ({ unitIds: districtUnits, limit })),
  ];
}

/**
 * The same query as `c` with its SQL changed by `transform` (a candidate query change), run with the same
 * parameters through the same handle.
 */
export function variantCase(c: QueryCase, transform: (q: CompiledQuery) => CompiledQuery): QueryCase {
  const filter = c.filter;
  if (!filter) throw new Error(`${c.key} is not an inbox query`);
  return {
    ...c,
    run: async (db) => {
      const q = transform(await compiledList(filter()));
      return (await db.executeQuery(q)).rows.length;
    },
    explain: async (db) => explainCompiled(db, transform(await compiledList(filter()))),
  };
}

function percentile(sorted: number[], p: number): number {
  // Nearest rank.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Times `c` one run after another: `warmup` runs first (fewer if they exceed a third of the budget), then `runs`
 * runs, or as many as fit in `budget` seconds at the warm-up's pace (at least MIN_RUNS).
 */
export async function timeQuery(db: Kysely<Database>, c: QueryCase, options: Pick<Options, "runs" | "warmup" | "budget">): Promise<Timing> {
  let warmMs = 0;
  let warmRuns = 0;
  const warmStart = performance.now();
  while (warmRuns < options.warmup && performance.now() - warmStart < (options.budget * 1000) / 3) {
    const t = performance.now();
    await c.run(db);
    warmMs += performance.now() - t;
    warmRuns++;
  }
  const perRun = warmMs / Math.max(1, warmRuns);
  const runs = Math.max(MIN_RUNS, Math.min(options.runs, Math.floor((options.budget * 1000) / Math.max(perRun, 0.001))));
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await c.run(db);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    key: c.key,
    label: c.label,
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1)!,
    rows,
  };
}

/** The SQL and parameters Kysely sends for `listOpinionsOfUnits(filter)` (compiled, not executed). */
export async function compiledList(filter: ListFilter): Promise<CompiledQuery> {
  let captured: CompiledQuery | undefined;
  const recorder = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured = event.query;
    },
  });
  await listOpinionsOfUnits(recorder, filter);
  await recorder.destroy();
  if (!captured) throw new Error("listOpinionsOfUnits sent no query");
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a compiled query, with its parameters. */
export async function explainCompiled(db: Kysely<Database>, q: CompiledQuery): Promise<string> {
  const result = await db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]),
  );
  return result.rows.map((r) => Object.values(r)[0]).join("\n");
}

/** Whether a plan reads the whole opinions table (a sequential scan of it). */
export function seqScansOpinions(plan: string): boolean {
  return /Seq Scan on opinions\b/.test(plan);
}
