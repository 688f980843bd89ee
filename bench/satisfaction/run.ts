/**
 * Benchmark: satisfaction at national scale — N responses (default 10,000,000) across ~3,300 commune-level
 * units — on PostgreSQL and on PGlite: the full recomputation of the rollups, a province's quarterly
 * dashboard (and the whole country's, and a commune's) through the product's computeDashboard, and HTTP
 * ingest of responses against a bare-INSERT baseline. Run with --help for the options.
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
import { cpuUsed } from "../support/cpu.ts";
import { describeMachine } from "../support/machine.ts";
import { writePerformanceSection } from "../support/performance-doc.ts";
import { buildRollups, countCheck, createCampaign, createTree, loadResponses } from "./dataset.ts";
import { ingest, progress, startServer, timeDashboard } from "./measure.ts";

const HEADING = "## Satisfaction: dashboards at 10,000,000 responses and ingest (bench/satisfaction)";
const USAGE = `Usage: npm run bench:satisfaction -- [options]
       npx tsx bench/satisfaction/run.ts [options]

Options:
  --responses <n>         responses on PostgreSQL (default 10000000)
  --pglite-responses <n>  responses on PGlite (default 1000000; the dashboard reads rollups only, whose
                          number of rows — units × questions × months — is the same at any N)
  --units <n>             commune-level units (default 3300)
  --engines <list>        postgres,pglite (default both)
  --runs <n>              measured dashboard computations per case (default 100)
  --duration <s>          seconds of each ingest run (default 10)
  --connections <n>       concurrent connections for ingest (default 10)
  --rounds <n>            alternating baseline/product ingest rounds; the median is reported (default 3)
  --write                 write the section "${HEADING.slice(3)}" of docs/PERFORMANCE.md
Environment: TEST_DATABASE_URL (default postgres://localhost:5432/test): a database ln_bench_sat_<random> is created and dropped.`;

const { values: v } = parseArgs({
  options: {
    responses: { type: "string", default: "10000000" },
    "pglite-responses": { type: "string", default: "1000000" },
    units: { type: "string", default: "3300" },
    engines: { type: "string", default: "postgres,pglite" },
    runs: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    write: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (v.help) {
  console.log(USAGE);
  process.exit(0);
}
const engines = v.engines.split(",") as ("postgres" | "pglite")[];
const runs = Number(v.runs);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface EngineResult {
  engine: string;
  responses: number;
  loadMs: number;
  recomputeMs: number;
  rollupRows: number;
  dashboards: { name: string; p50: number; p95: number; max: number; responses: number }[];
  ingest: IngestResult;
  version: string;
}

/** HTTP ingest over rounds: per round the rate, p99 and CPU per stored request (app and database, µs) of each target. */
interface IngestRound {
  baseline: { rps: number; p99: number; cpu: number };
  product: { rps: number; p99: number; cpu: number };
}
interface IngestResult {
  rounds: IngestRound[];
  errors: number;
  ok: number;
  stored: number;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function benchEngine(engine: "postgres" | "pglite", count: number): Promise<EngineResult> {
  let target: { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string };
  let drop = async () => {};
  const base = new URL(process.env.TEST_DATABASE_URL ?? "postgres://localhost:5432/test");
  if (!base.username) base.username = os.userInfo().username;
  if (engine === "postgres") {
    const name = `ln_bench_sat_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base.toString());
    url.pathname = `/${name}`;
    target = { engine, url: url.toString() };
    drop = async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(os.tmpdir(), "ln-bench-sat-"));
    target = { engine, dataDir: dir };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const open = (): Promise<Db> => openDb(target.engine === "postgres" ? { kind: "postgres", url: target.url } : { kind: "pglite", dataDir: target.dataDir });
  try {
    let handle = await open();
    await migrate(handle.db);
    const version = (await sql<{ server_version: string }>`SHOW server_version`.execute(handle.db)).rows[0]?.server_version ?? "?";
    const tree = await createTree(handle.db, Number(v.units));
    const campaignId = await createCampaign(handle.db, tree.ministry);
    let start = performance.now();
    await loadResponses(handle.db, {
      campaignId,
      communes: tree.communes,
      count,
      batch: engine === "postgres" ? 500_000 : 100_000,
      onBatch: (done) => progress(`${engine}: ${done.toLocaleString("en-US")} responses`),
    });
    const loadMs = performance.now() - start;
    start = performance.now();
    await buildRollups(handle.db, campaignId);
    const recomputeMs = performance.now() - start;
    await sql`ANALYZE`.execute(handle.db);
    const rollupRows = Number((await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM survey_rollups`.execute(handle.db)).rows[0]?.n ?? 0);
    progress(`${engine}: rollups rebuilt in ${secs(recomputeMs)} (${rollupRows} rows)`);
    const cases = [
      { name: "a province, a quarter (2026-Q3)", root: tree.provinces[0] as string, period: "2026-Q3" },
      { name: "a province, a year (2026)", root: tree.provinces[1] as string, period: "2026" },
      { name: "a commune, a quarter", root: tree.communes[0] as string, period: "2026-Q3" },
      { name: "the whole country, a quarter", root: tree.ministry, period: "2026-Q3" },
    ];
    const dashboards = [];
    for (const c of cases) {
      const timing = await timeDashboard(handle.db, { campaignId, rootUnitId: c.root, period: c.period, runs: c.root === tree.ministry ? Math.max(10, runs / 5) : runs, warmup: 5 });
      progress(`${engine}: ${c.name}: p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}`);
      dashboards.push({ name: c.name, ...timing });
    }
    await handle.close();

    const server = await startServer(target);
    const options = { communes: tree.communes, duration: Number(v.duration), connections: Number(v.connections) };
    const paths = {
      baseline: { port: server.baselinePort, pathOf: (u: string) => `/baseline/${campaignId}/${u}` },
      product: { port: server.productPort, pathOf: (u: string) => `/api/public/surveys/${campaignId}/units/${u}/responses` },
    };
    // Requests in flight when autocannon stops are still answered by the server: let them land before counting.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));
    for (const which of ["baseline", "product"] as const) await ingest({ ...paths[which], ...options, duration: 3 });
    await settle();
    const rounds: IngestRound[] = [];
    let errors = 0;
    let ok = 0;
    let stored = 0;
    for (let round = 1; round <= Number(v.rounds); round++) {
      const measured = {} as IngestRound;
      for (const which of ["baseline", "product"] as const) {
        const before = await server.counts(campaignId);
        const cpuBefore = await server.cpu();
        const result = await ingest({ ...paths[which], ...options });
        await settle();
        const cpu = cpuUsed(cpuBefore, await server.cpu());
        const after = await server.counts(campaignId);
        const rows = which === "baseline" ? after.baseline - before.baseline : after.responses - before.responses;
        // Requests still in flight when autocannon stops are stored without being counted: at most one per connection.
        if (rows < result.ok || rows > result.ok + Number(v.connections)) throw new Error(`${engine} ${which}: ${result.ok} answers 2xx but ${rows} rows stored`);
        measured[which] = { rps: result.requestsPerSecond, p99: result.p99, cpu: (cpu.app + cpu.db) / rows };
        errors += result.errors;
        if (which === "product") {
          ok += result.ok;
          stored += rows;
        }
      }
      rounds.push(measured);
      progress(`${engine}: round ${round}: baseline ${measured.baseline.rps.toFixed(0)} req/s, product ${measured.product.rps.toFixed(0)} req/s`);
    }
    await server.close();

    handle = await open();
    const check = await countCheck(handle.db, campaignId);
    await handle.close();
    if (check.raw !== check.rolledUp) throw new Error(`rollups count ${check.rolledUp} responses, the table holds ${check.raw}`);
    return {
      engine,
      responses: count,
      loadMs,
      recomputeMs,
      rollupRows,
      dashboards,
      ingest: { rounds, errors, ok, stored },
      version,
    };
  } finally {
    await drop();
  }
}

const results: EngineResult[] = [];
for (const engine of engines) results.push(await benchEngine(engine, Number(engine === "postgres" ? v.responses : v["pglite-responses"])));

const machine = describeMachine({
  postgresVersion: results.find((r) => r.engine === "postgres")?.version,
  pgliteServerVersion: results.find((r) => r.engine === "pglite")?.version,
});
const lines = [
  HEADING,
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:satisfaction\` on ${machine.cpu}, ${machine.memory}, Node ${machine.node}` +
    `${machine.postgres ? `, PostgreSQL ${machine.postgres}` : ""}${machine.pglite ? `, PGlite ${machine.pglite}` : ""}; a machine shared with other work, so ±30%.`,
  "",
  `${Number(v.units).toLocaleString("en-US")} commune-level units under 34 provinces; one campaign (the 3104 template, 4 Likert questions) evaluating all of them;`,
  "responses spread over 14 months, generated in SQL (`generate_series`). The dashboard is `computeDashboard` — the function behind",
  "`GET /api/satisfaction/dashboard` — reading only the rollups and the unit tree; the rollups are rebuilt once from the raw rows",
  "(the full recomputation), and after ingest the respondent rollups are checked to count exactly the rows stored.",
  "",
  "| engine | responses | load (SQL) | full recomputation of rollups | rollup rows |",
  "|---|---:|---:|---:|---:|",
  ...results.map((r) => `| ${r.engine} | ${r.responses.toLocaleString("en-US")} | ${secs(r.loadMs)} | ${secs(r.recomputeMs)} | ${r.rollupRows.toLocaleString("en-US")} |`),
  "",
  "| engine | dashboard | p50 | p95 | max | responses in it |",
  "|---|---|---:|---:|---:|---:|",
  ...results.flatMap((r) => r.dashboards.map((d) => `| ${r.engine} | ${d.name} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.max)} | ${d.responses.toLocaleString("en-US")} |`)),
  "",
  `HTTP ingest, autocannon on loopback, ${v.connections} connections, ${v.rounds} alternating rounds of ${v.duration} s per target (medians; ratios per round in`,
  "brackets), a new client key and a random unit per request, server in a separate process; baseline: a bare Fastify route with one",
  "parameterised INSERT of the same body on the same database handle. CPU per stored request counts the server process and, on",
  "PostgreSQL, its database backends (from /proc); unlike the rate, it hardly moves with what else the machine runs.",
  "",
  "| engine | baseline req/s (p99) | product req/s (p99) | product / baseline | CPU µs per request: baseline / product | errors | 2xx / rows stored |",
  "|---|---:|---:|---:|---:|---:|---|",
  ...results.map((r) => {
    const pick = (f: (x: IngestRound) => number) => median(r.ingest.rounds.map(f));
    const ratios = r.ingest.rounds.map((x) => (x.product.rps / x.baseline.rps).toFixed(2)).join(" / ");
    return (
      `| ${r.engine} | ${pick((x) => x.baseline.rps).toFixed(0)} (${pick((x) => x.baseline.p99)} ms) | ${pick((x) => x.product.rps).toFixed(0)} (${pick((x) => x.product.p99)} ms) | ` +
      `${pick((x) => x.product.rps / x.baseline.rps).toFixed(2)} (${ratios}) | ${pick((x) => x.baseline.cpu).toFixed(0)} / ${pick((x) => x.product.cpu).toFixed(0)} | ${r.ingest.errors} | ${r.ingest.ok} / ${r.ingest.stored} |`
    );
  }),
  "",
];
const worst = Math.max(...results.filter((r) => r.engine === "postgres").flatMap((r) => r.dashboards.map((d) => d.p95)));
if (Number.isFinite(worst)) lines.push(`Target: any dashboard under 300 ms at p95 on PostgreSQL — ${worst < 300 ? "met" : "not met"} (worst p95 ${ms(worst)}).`, "");
console.log(lines.join("\n"));
if (v.write) writePerformanceSection(HEADING, lines.join("\n"));
