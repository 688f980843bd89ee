/**
 * Benchmark: a citizen submits an opinion (POST /api/public/opinions), against a baseline of a bare
 * Fastify route doing one parameterised INSERT — same body, same database handle, same machine, same run —
 * on PostgreSQL and on PGlite (in a data directory on disk, as in embedded mode).
 *
 * The servers run in a forked process (server.ts) so that autocannon, here, does not share their event loop.
 * Every request carries a tag in its content; after each run the rows are matched to the requests: each
 * 2xx answer has exactly one row, no row is doubled, and nothing failed. Run with --help for the options.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  BURST_SIZE,
  burst,
  CheckFailure,
  children,
  measure,
  progress,
  startServer,
  type Engine,
  type EngineResult,
  type Options,
} from "./measure.ts";
import type { ServerTarget } from "./protocol.ts";
import { writePerformanceSection } from "../support/performance-doc.ts";
import { machine, section, SECTION_HEADING, table, verdictLines } from "./report.ts";

const USAGE = `Usage: npm run bench -- [options]
       npx tsx bench/submit-opinion/run.ts [options]

Measures POST /api/public/opinions (buildApp from src/app.ts) against a baseline — a bare Fastify route
that inserts one row with one parameterised query — with autocannon on loopback, on PGlite (a temporary
data directory on disk) and on PostgreSQL (a fresh database, dropped at the end). Each measured run is
preceded by a warm-up; after each run the rows are matched to the answers (nothing lost or doubled) and
any error fails the benchmark. Also fires ${BURST_SIZE} simultaneous first submissions at a cold server.

Options:
  --duration <s>      length of each measured run in seconds (default 10)
  --connections <n>   concurrent connections (default 10; the targets are stated at 10)
  --warmup <s>        warm-up before each measured run, in seconds (default 5)
  --rounds <n>        baseline and product measured alternately n times; the verdict uses the median
                      of the rounds' ratios, so that a drift of the shared machine hits both (default 3)
  --engines <list>    comma-separated: pglite, postgres (default pglite,postgres)
  --write             replace the "${SECTION_HEADING.slice(3)}" section of docs/PERFORMANCE.md
  -h, --help          this text

Environment:
  TEST_DATABASE_URL   PostgreSQL server to use (default postgres://localhost:5432/test); a database
                      ln_bench_<random> is created on it and dropped at the end. Without a user name in
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
        duration: { type: "string", default: "10" },
        connections: { type: "string", default: "10" },
        warmup: { type: "string", default: "5" },
        rounds: { type: "string", default: "3" },
        engines: { type: "string", default: "pglite,postgres" },
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
  const number = (name: string, raw: string, min: number, integer: boolean) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      throw new UsageError(`--${name} must be ${integer ? "an integer" : "a number"} ≥ ${min}, got "${raw}"`);
    }
    return n;
  };
  if (Number(v.rounds) > 26) throw new UsageError(`--rounds is at most 26, got "${v.rounds}"`);
  const engines = v.engines.split(",").map((e) => e.trim()).filter(Boolean);
  const unknown = engines.filter((e) => e !== "pglite" && e !== "postgres");
  if (unknown.length > 0 || engines.length === 0) {
    throw new UsageError(`--engines takes pglite and/or postgres, got "${v.engines}"`);
  }
  return {
    duration: number("duration", v.duration, 1, false),
    connections: number("connections", v.connections, 1, true),
    warmup: number("warmup", v.warmup, 1, false),
    rounds: number("rounds", v.rounds, 1, true),
    engines: [...new Set(engines)] as Engine[],
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

async function benchEngine(engine: Engine, options: Options): Promise<EngineResult> {
  let target: ServerTarget;
  let cleanup: () => Promise<void> | void;
  if (engine === "postgres") {
    const name = `ln_bench_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    cleanup = async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    target = { engine, url: postgresUrl(name) };
  } else {
    const dataDir = mkdtempSync(join(os.tmpdir(), "langnghe-bench-"));
    cleanup = () => rmSync(dataDir, { recursive: true, force: true });
    target = { engine, dataDir };
  }
  cleanups.add(cleanup);
  try {
    const loadBefore = os.loadavg()[0] ?? 0;
    progress(`${engine}: starting the server (migrations, demo unit)`);
    const server = await startServer(target);
    try {
      const burstResult = await burst(server, engine);
      const rounds = [];
      for (let round = 1; round <= options.rounds; round++) {
        progress(`${engine}: round ${round} of ${options.rounds}`);
        const baseline = await measure(server, engine, "baseline", options, round);
        const product = await measure(server, engine, "product", options, round);
        rounds.push({ baseline, product });
      }
      return {
        engine,
        serverVersion: server.serverVersion,
        burst: burstResult,
        rounds,
        loadBefore,
        loadAfter: os.loadavg()[0] ?? 0,
      };
    } finally {
      await server.close();
    }
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
  const command = `npx tsx bench/submit-opinion/run.ts ${process.argv.slice(2).join(" ")}`.trim();

  let postgresVersion: string | undefined;
  if (options.engines.includes("postgres")) {
    // Fail fast, before any engine runs.
    postgresVersion = (await adminQuery<{ server_version: string }>("SHOW server_version"))[0]?.server_version;
    progress(`PostgreSQL ${postgresVersion} at ${redact(postgresUrl())}`);
  }

  const results: EngineResult[] = [];
  for (const engine of options.engines) results.push(await benchEngine(engine, options));

  const m = machine(results, postgresVersion);
  console.log(`\n${m.cpu}, ${m.memory} RAM, Node ${m.node}` + (m.postgres ? `, PostgreSQL ${m.postgres}` : "") + "\n");
  console.log(table(results));
  console.log("");
  for (const line of verdictLines(results, options)) console.log(line.replace(/\*\*/g, ""));
  if (options.write) {
    writePerformanceSection(SECTION_HEADING, section(results, options, postgresVersion, command));
    progress(`wrote the section "${SECTION_HEADING.slice(3)}" of docs/PERFORMANCE.md`);
  }
  return 0;
}

async function cleanUpAll() {
  for (const child of children) child.kill("SIGTERM");
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
