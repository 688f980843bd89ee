/**
 * Benchmark: an officer's inbox and its search at 1,000,000 opinions, on PostgreSQL and on PGlite, through
 * the product's own query function (`listOpinionsOfUnits`), with the query plans; then candidate fixes
 * tried in the benchmark's database. Run with --help for the options.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { openDb, type Db } from "../../src/db/index.ts";
import { migrate } from "../../src/db/migrate.ts";
import { runExperiments } from "./experiment.ts";
import { CheckFailure, indexSizes, loadDataSet, sizes } from "./load.ts";
import { ENGINE_NAMES, progress, queryCases, timeQuery, type Engine, type Options, type Timing } from "./measure.ts";
import { writePerformanceSection } from "../support/performance-doc.ts";
import { machine, PLAN_KEYS, section, SECTION_HEADING, table, verdictLines, type EngineResult } from "./report.ts";
import { checkVocabulary, foldedWords, RARE_QUERY } from "./vocabulary.ts";

const USAGE = `Usage: npm run bench:inbox -- [options]
       npx tsx bench/inbox/run.ts [options]

Loads a province (117 units) and N opinions over 3 years of realistic Vietnamese content into a fresh
PostgreSQL database and into PGlite (a temporary data directory on disk), runs the real migrations, then times
the inbox queries through the product's listOpinionsOfUnits — a commune officer's first page, a province
leader's first page and page 50 by cursor, status + overdue, a two-word and a rare-word search, topic +
period — against a bare one-unit SELECT, shows their EXPLAIN (ANALYZE, BUFFERS), and tries candidate fixes
(an index on created_at, one unit by equality, a whole-word index) in the benchmark's own database.

Options:
  --rows <n>          opinions to load (default 1000000)
  --pglite-rows <n>   opinions to load on PGlite (default: --rows)
  --engines <list>    comma-separated: postgres, pglite (default postgres,pglite)
  --runs <n>          measured runs per query (default 200)
  --warmup <n>        warm-up runs per query (default 20)
  --budget <s>        at most about this many seconds per query; a slow query is run fewer times, at
                      least 10 (default 30)
  --batch <n>         opinions per INSERT … SELECT statement (default 100000)
  --skip-experiment   do not try the candidate fixes
  --write             replace the "${SECTION_HEADING.slice(3)}" section of
                      docs/PERFORMANCE.md (every other section is kept)
  -h, --help          this text

Environment:
  TEST_DATABASE_URL   PostgreSQL server to use (default postgres://localhost:5432/test); a database
                      ln_bench_inbox_<random> is created on it and dropped at the end. Without a user name in
                      the URL, connects as the operating-system user (like libpq).

Exit status: 0 done; 1 a check failed or the run broke; 2 bad arguments; 3 PostgreSQL unreachable.`;

class UsageError extends Error {}
class PostgresUnreachable extends Error {}

function parseCli(argv: string[]): Options | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        rows: { type: "string", default: "1000000" },
        "pglite-rows": { type: "string" },
        engines: { type: "string", default: "postgres,pglite" },
        runs: { type: "string", default: "200" },
        warmup: { type: "string", default: "20" },
        budget: { type: "string", default: "30" },
        batch: { type: "string", default: "100000" },
        "skip-experiment": { type: "boolean", default: false },
        write: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return "help";
  const integer = (name: string, raw: string, min: number) => {
    const n = Number(raw.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
    return n;
  };
  const engines = v.engines.split(",").map((e) => e.trim()).filter(Boolean);
  const unknown = engines.filter((e) => e !== "pglite" && e !== "postgres");
  if (unknown.length > 0 || engines.length === 0) {
    throw new UsageError(`--engines takes postgres and/or pglite, got "${v.engines}"`);
  }
  const rows = integer("rows", v.rows, 10_000);
  return {
    rows,
    pgliteRows: v["pglite-rows"] === undefined ? rows : integer("pglite-rows", v["pglite-rows"], 10_000),
    engines: [...new Set(engines)] as Engine[],
    runs: integer("runs", v.runs, 10),
    warmup: integer("warmup", v.warmup, 0),
    budget: integer("budget", v.budget, 1),
    batch: integer("batch", v.batch, 1000),
    experiment: !v["skip-experiment"],
    write: v.write,
  };
}

// ───────────────────────────── PostgreSQL administration ─────────────────────────────

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://localhost:5432/test";

/** The URL with the OS user when none is given (as libpq and test/db.ts do), on `database` if given. */
function postgresUrl(database?: string): string {
  const u = new URL(TEST_DATABASE_URL);
  if (!u.username) u.username = os.userInfo().username;
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgresUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new PostgresUnreachable(
      `PostgreSQL is unreachable at ${redact(postgresUrl())}: ${(error as Error).message}\n` +
        "Start PostgreSQL, point TEST_DATABASE_URL at a server where this user may CREATE DATABASE, " +
        "or run only the embedded engine with --engines pglite.",
    );
  }
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

// ───────────────────────────── one engine ─────────────────────────────

const cleanups = new Set<() => Promise<void> | void>();

/** The peak resident memory of this process while `run` runs (PGlite lives in it). */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 500);
  try {
    return { value: await run(), peak };
  } finally {
    clearInterval(timer);
  }
}

async function benchEngine(engine: Engine, options: Options): Promise<EngineResult> {
  const rows = engine === "pglite" ? options.pgliteRows : options.rows;
  const started = performance.now();
  let handle: Db | undefined;
  let cleanup: () => Promise<void> | void;
  if (engine === "postgres") {
    const name = `ln_bench_inbox_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    cleanup = async () => {
      await handle?.close().catch(() => {});
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    cleanups.add(cleanup);
    handle = await openDb({ kind: "postgres", url: postgresUrl(name), poolSize: 4 });
  } else {
    const dataDir = mkdtempSync(join(os.tmpdir(), "langnghe-bench-inbox-"));
    cleanup = async () => {
      await handle?.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    };
    cleanups.add(cleanup);
    handle = await openDb({ kind: "pglite", dataDir });
  }
  try {
    const db = handle.db;
    const loadBefore = os.loadavg()[0] ?? 0;
    const { value, peak } = await withPeakRss(async () => {
      progress(`${ENGINE_NAMES[engine]}: migrations`);
      await migrate(db);
      const serverVersion = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db)).rows[0]!.v;
      progress(`${ENGINE_NAMES[engine]}: loading ${rows.toLocaleString("en-US")} opinions`);
      const load = await loadDataSet(db, { rows, batch: options.batch, engine });
      progress(
        `${ENGINE_NAMES[engine]}: loaded in ${load.totalSeconds.toFixed(0)} s (insert ${load.insertSeconds.toFixed(0)} s, ` +
          `indexes ${load.indexSeconds.toFixed(0)} s, VACUUM ANALYZE ${load.vacuumSeconds.toFixed(0)} s)`,
      );
      const size = await sizes(db);
      const cases = await queryCases(db, load.tree);
      const timings: Timing[] = [];
      for (const c of cases) {
        progress(`${ENGINE_NAMES[engine]}: ${c.label}`);
        timings.push(await timeQuery(db, c, options));
        const t = timings.at(-1)!;
        progress(`  ${t.runs} runs: p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms, ${t.rows} rows`);
      }
      const plans: Record<string, string> = {};
      for (const c of cases) if (c.explain && [...PLAN_KEYS, "d", "g", "h", "a2"].includes(c.key)) plans[c.key] = await c.explain(db);
      const indexes = await indexSizes(db);
      const experiment = options.experiment ? await runExperiments(db, cases, options, ENGINE_NAMES[engine]) : [];
      return { serverVersion, load, size, timings, plans, indexes, experiment };
    });
    return {
      engine,
      serverVersion: value.serverVersion,
      load: value.load,
      sizes: value.size,
      indexSizes: value.indexes,
      timings: value.timings,
      plans: value.plans,
      experiment: value.experiment,
      loadBefore,
      loadAfter: os.loadavg()[0] ?? 0,
      peakRssBytes: peak,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<number> {
  let options: Options | "help";
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const command = `npx tsx bench/inbox/run.ts ${process.argv.slice(2).join(" ")}`.trim();
  const [rareWord] = foldedWords(RARE_QUERY);
  checkVocabulary(rareWord!);

  let postgresVersion: string | undefined;
  if (options.engines.includes("postgres")) {
    // Fail fast, before any engine runs.
    postgresVersion = (await adminQuery<{ server_version: string }>("SHOW server_version"))[0]?.server_version;
    progress(`PostgreSQL ${postgresVersion} at ${redact(postgresUrl())}`);
  }

  const results: EngineResult[] = [];
  for (const engine of options.engines) results.push(await benchEngine(engine, options));

  const m = machine(results, postgresVersion);
  console.log(`\n${m.cpu}, ${m.memory} RAM, Node ${m.node}` + (m.postgres ? `, PostgreSQL ${m.postgres}` : "") + (m.pglite ? `, PGlite ${m.pglite}` : "") + "\n");
  for (const r of results) {
    console.log(
      `${ENGINE_NAMES[r.engine]}: ${r.load.rows.toLocaleString("en-US")} opinions loaded in ${r.load.totalSeconds.toFixed(0)} s; ` +
        `whole run ${r.seconds.toFixed(0)} s`,
    );
  }
  console.log(`\n${table(results)}\n`);
  for (const line of verdictLines(results)) console.log(line.replace(/\*\*/g, ""));
  for (const r of results) {
    for (const step of r.experiment) {
      console.log(`\n${ENGINE_NAMES[r.engine]} — ${step.title}:`);
      for (const t of step.timings) console.log(`  ${t.label}: p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms`);
    }
  }
  if (options.write) {
    writePerformanceSection(SECTION_HEADING, section(results, options, postgresVersion, command));
    progress(`wrote the section "${SECTION_HEADING.slice(3)}" of docs/PERFORMANCE.md`);
  }
  return 0;
}

async function cleanUpAll() {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[bench] clean-up failed: ${(error as Error).message}`);
    }
  }
}

process.once("SIGINT", () => {
  progress("interrupted; cleaning up");
  void cleanUpAll().finally(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    if (error instanceof PostgresUnreachable) {
      console.error(`[bench] ${error.message}`);
      await cleanUpAll();
      process.exit(3);
    }
    console.error(error instanceof CheckFailure ? `[bench] CHECK FAILED — ${error.message}` : error);
    await cleanUpAll();
    process.exit(1);
  },
);
