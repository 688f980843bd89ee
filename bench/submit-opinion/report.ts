import { describeMachine } from "../support/machine.ts";
/** The report: the Markdown table, the verdicts on the targets, and the section of docs/PERFORMANCE.md. */
import os from "node:os";
import { BURST_SIZE, type Engine, type EngineResult, type Options } from "./measure.ts";

export const SECTION_HEADING = "## Submit an opinion (bench/submit-opinion)";
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const TARGET_CONNECTIONS = 10;

const ENGINE_NAMES: Record<Engine, string> = { pglite: "PGlite (embedded)", postgres: "PostgreSQL" };
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function table(results: EngineResult[]): string {
  const lines = [
    "| engine | target | connections | requests (2xx) | s | req/s (mean) | p50 ms | p99 ms | errors | rows = 2xx | CPU µs per request: app + database | product / baseline |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|",
  ];
  for (const r of results) {
    r.rounds.forEach((round, index) => {
      const ratio = round.product.rps / round.baseline.rps;
      const label = r.rounds.length > 1 ? `round ${index + 1}, ` : "";
      for (const m of [round.baseline, round.product]) {
        const what = m.target === "baseline" ? "baseline: bare Fastify + 1 INSERT" : "product: POST /api/public/opinions";
        lines.push(
          `| ${ENGINE_NAMES[r.engine]} | ${label}${what} | ${m.connections} | ${fmt(m.requests)} | ${fmt(m.seconds, 1)} | ` +
            `${fmt(m.rps)} | ${m.p50} | ${m.p99} | ${m.errors} | ${fmt(m.rows)} = ${fmt(m.requests)} ✓ | ` +
            `${cpuCell(r.engine, m.appMicrosPerRequest, m.dbMicrosPerRequest)} | ` +
            `${m.target === "product" ? `${fmt(ratio, 2)}` : "—"} |`,
        );
      }
    });
    const b = r.burst;
    lines.push(
      `| ${ENGINE_NAMES[r.engine]} | ${BURST_SIZE} simultaneous first submissions (Promise.all of fetch, cold server, new unit) | ` +
        `${BURST_SIZE} | ${b.ok} | ${fmt(b.wallMs / 1000, 2)} | — | ${fmt(b.p50)} | ${fmt(b.maxMs)} (max) | ` +
        `${b.errors.length} | ${b.counts.opinions} = ${b.ok} ✓ | — | — |`,
    );
  }
  return lines.join("\n");
}

/** PGlite runs inside the app's process: its CPU is the app's. */
function cpuCell(engine: Engine, app: number, db: number): string {
  return engine === "pglite" ? `${fmt(app)} (database inside)` : `${fmt(app)} + ${fmt(db)} = ${fmt(app + db)}`;
}

/** Median over rounds of the CPU a stored request costs (app + database), per target. */
function cpuPerRequest(r: EngineResult, target: "baseline" | "product"): number {
  return median(r.rounds.map((round) => round[target].appMicrosPerRequest + round[target].dbMicrosPerRequest));
}

interface Verdict {
  engine: Engine;
  /** The median of the rounds' product/baseline ratios. */
  ratio: number;
  ratios: number[];
  ratioMet: boolean;
  p99: number;
  p99Met: boolean;
}

function verdicts(results: EngineResult[]): Verdict[] {
  return results.map((r) => {
    const ratios = r.rounds.map((round) => round.product.rps / round.baseline.rps);
    const ratio = median(ratios);
    // The worst round's p99: the latency target must hold in every round.
    const p99 = Math.max(...r.rounds.map((round) => round.product.p99));
    return {
      engine: r.engine,
      ratio,
      ratios,
      ratioMet: ratio >= TARGET_RATIO,
      p99,
      p99Met: p99 < TARGET_P99_MS,
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function verdictLines(results: EngineResult[], options: Options): string[] {
  const note =
    options.connections === TARGET_CONNECTIONS
      ? ""
      : ` (measured at ${options.connections} connections; the target is stated at ${TARGET_CONNECTIONS})`;
  return verdicts(results).map((v) => {
    const all = v.ratioMet && v.p99Met;
    const r = results.find((x) => x.engine === v.engine) as EngineResult;
    const [baselineCpu, productCpu] = [cpuPerRequest(r, "baseline"), cpuPerRequest(r, "product")];
    return (
      `- **${ENGINE_NAMES[v.engine]}: ${all ? "met" : "not met"}**${note} — throughput ${fmt(v.ratio * 100)} % of the ` +
      `baseline (median of ${v.ratios.length} round${v.ratios.length > 1 ? "s" : ""}: ` +
      `${v.ratios.map((x) => fmt(x, 2)).join(", ")}; target ≥ ${TARGET_RATIO * 100} %: ${v.ratioMet ? "met" : "not met"}); ` +
      `p99 at most ${v.p99} ms (target < ${TARGET_P99_MS} ms: ${v.p99Met ? "met" : "not met"}). ` +
      `CPU per stored request (median): ${fmt(productCpu)} µs against the baseline's ${fmt(baselineCpu)} µs ` +
      `(${fmt(productCpu / baselineCpu, 2)}×).`
    );
  });
}

export function machine(results: EngineResult[], postgresVersion: string | undefined) {
  return describeMachine({ postgresVersion, pgliteServerVersion: results.find((r) => r.engine === "pglite")?.serverVersion });
}

export function section(results: EngineResult[], options: Options, postgresVersion: string | undefined, command: string): string {
  const m = machine(results, postgresVersion);
  const load = results.map((r) => `${ENGINE_NAMES[r.engine]} ${fmt(r.loadBefore, 2)} → ${fmt(r.loadAfter, 2)}`).join("; ");
  const cores = os.cpus().length;
  const atStart = results[0]?.loadBefore ?? 0;
  const loadNote =
    atStart >= 1
      ? `Other work was running on this machine at the same time (load average ${fmt(atStart, 2)} on ${cores} cores ` +
        "before the benchmark started): absolute figures are depressed."
      : "Other work may have been running on this machine at the same time.";
  return [
    SECTION_HEADING,
    "",
    "A citizen sends an opinion from a QR code: `POST /api/public/opinions` on the whole product (`buildApp` — helmet,",
    "rate limit, zod validation, unit check, one prepared statement writing the opinion and its audit entry, and the",
    "encrypted contact details when given), against a baseline of a bare Fastify route doing one parameterised `INSERT`",
    "through the same database handle, with the same body shape, on the same machine in the same run.",
    "",
    `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- Machine: ${m.cpu}, ${m.memory} RAM; Node ${m.node}` +
      (m.postgres ? `; PostgreSQL server ${m.postgres}` : "") +
      (m.pglite ? `; PGlite ${m.pglite}` : ""),
    `- Load: 1-minute load average before → after each engine: ${load}.`,
    `  ${loadNote}`,
    "  The load generator, the app and PostgreSQL share the same cores; figures are noisy (±30 % or more):",
    "  compare rows of the same run rather than runs.",
    `- Command: \`${command}\``,
    "",
    table(results),
    "",
    `Targets (from the issue): at least ${TARGET_RATIO * 100} % of the baseline's throughput and p99 under ${TARGET_P99_MS} ms at ${TARGET_CONNECTIONS} connections.`,
    "",
    ...verdictLines(results, options),
    "",
    "How it is measured:",
    "",
    "- autocannon (programmatic API) on loopback, in the benchmark process; both servers in a separate Node process",
    "  (`bench/submit-opinion/server.ts`) so that they do not share the load generator's event loop. PostgreSQL: a",
    "  fresh database (pool of 10, as `openDb` defaults), dropped afterwards. PGlite: `openDb({ kind: \"pglite\", dataDir })`",
    "  in a temporary data directory on disk, as in embedded mode; the baseline uses the same Kysely handle (`sql`),",
    "  so both targets share PGlite's single connection through its `pg` adapter.",
    `- Baseline and product are measured alternately, ${options.rounds} round${options.rounds > 1 ? "s" : ""} on each engine, so that a change in`,
    "  what else the shared machine is doing affects both; the verdict takes the median of the rounds' ratios and",
    "  the worst round's p99.",
    `- Each measured run follows a ${options.warmup} s warm-up on the same target. It sends a fixed number of requests,`,
    `  sized from the rate of the warm-up's second half to last about ${options.duration} s (column s gives the actual`,
    "  time), so that it ends only when every request sent has been answered. req/s is 2xx answers divided by the",
    "  time from the first request to the last response; p50 and p99 are autocannon's latency percentiles (whole ms).",
    "- Every request's content is different and carries a tag; after each run the rows are matched to the requests:",
    "  every 2xx answer has exactly one row, no row is doubled or unexplained, and for the product one audit entry",
    "  per opinion; in the measured runs rows = 2xx answers exactly (a timed warm-up may also",
    "  store the few requests it abandons in flight at its end). Any error, timeout or non-2xx answer fails the run.",
    "- CPU µs per request: the CPU time of the server process (`process.cpuUsage()`, which includes PGlite) and, on",
    "  PostgreSQL, of the backends serving the benchmark's database (`/proc/<pid>/stat`), over the measured run,",
    "  divided by the requests stored; the load generator's CPU is not counted. Unlike throughput, it hardly depends",
    "  on what else the machine is doing, so it compares the two targets' cost when the machine is shared.",
    `- The ${BURST_SIZE} simultaneous first submissions run first, on the freshly started server, to a new unit with`,
    "  no opinion yet (half with contact details, which are encrypted): all must be answered 201 with distinct",
    `  tracking codes, and exactly ${BURST_SIZE} opinions and audit entries stored — the failure mode measured on`,
    "  Polis (HTTP 500 on racy first votes). s is the wall time of the whole burst; p50 and max are per request.",
    "",
  ].join("\n");
}

