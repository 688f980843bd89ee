/**
 * The measuring side of the benchmark: starts the server process (server.ts), drives it with autocannon,
 * fires the burst of first submissions, and checks after each run that the rows match the answers.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import { cpuUsed, type CpuSnapshot } from "../support/cpu.ts";
import { burstBody, submissionBody } from "./bodies.ts";
import {
  SERVER_TARGET_ENV,
  type Command,
  type CommandResult,
  type ParentMessage,
  type Ready,
  type ServerMessage,
  type ServerTarget,
  type TagCounts,
  type TargetName,
  type UnitCounts,
} from "./protocol.ts";

export type Engine = "pglite" | "postgres";

/** The command-line options. */
export interface Options {
  duration: number;
  connections: number;
  warmup: number;
  /** Baseline and product are measured alternately this many times; the verdict takes the median ratio. */
  rounds: number;
  engines: Engine[];
  write: boolean;
}

/** Rows that do not match the answers, or any failed request: the benchmark fails. */
export class CheckFailure extends Error {}

export const BURST_SIZE = 50;
const SERVER_PATH = fileURLToPath(new URL("./server.ts", import.meta.url));

/** Server processes alive, to be stopped on interruption. */
export const children = new Set<ChildProcess>();

export function progress(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

// ───────────────────────────── the server process ─────────────────────────────

export interface Server extends Ready {
  call(command: Command): Promise<CommandResult>;
  close(): Promise<void>;
}

export function startServer(target: ServerTarget): Promise<Server> {
  // The child inherits tsx's loader through process.execArgv.
  const child: ChildProcess = fork(SERVER_PATH, [], {
    env: { ...process.env, [SERVER_TARGET_ENV]: JSON.stringify(target) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: CommandResult) => void; reject: (e: Error) => void }>();
  let exited: string | undefined;

  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server process did not start within 120 s")), 120_000);
    child.on("exit", (code, signal) => {
      children.delete(child);
      exited = `the server process exited (${signal ?? `code ${code}`})`;
      clearTimeout(timer);
      reject(new Error(`${exited} before it was ready`));
      for (const p of pending.values()) p.reject(new Error(exited));
      pending.clear();
    });
    child.on("message", (message: ServerMessage) => {
      if (message.type === "reply") {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) p?.resolve(message.result ?? null);
        else p?.reject(new Error(`server process: ${message.error}`));
        return;
      }
      clearTimeout(timer);
      const call = (command: Command) =>
        new Promise<CommandResult>((res, rej) => {
          if (exited) return rej(new Error(exited));
          const id = nextId++;
          pending.set(id, { resolve: res, reject: rej });
          child.send({ id, ...command } satisfies ParentMessage);
        });
      resolve({
        ...message,
        call,
        async close() {
          if (exited) return;
          const gone = new Promise<void>((res) => child.once("exit", () => res()));
          await call({ cmd: "close" });
          await gone;
        },
      });
    });
  });
}

// ───────────────────────────── load and checks ─────────────────────────────

interface Load {
  run: string;
  result: Result;
  /** Requests sent (each with its own tag). */
  sent: number;
  /** Status of each answered request, by its sequence number. */
  answered: Map<number, number>;
  ok: number;
  /** From the first request built to the last response read. */
  seconds: number;
  /** 2xx answers per second over the second half of the run (past the cold start). */
  lateRate: number;
}

async function load(options: {
  port: number;
  path: string;
  unitId: string;
  run: string;
  connections: number;
  duration?: number;
  amount?: number;
}): Promise<Load> {
  let seq = 0;
  let first = 0;
  let last = 0;
  const answered = new Map<number, number>();
  const okTimes: number[] = [];
  const result = await autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
    requests: [
      {
        method: "POST",
        path: options.path,
        headers: { "content-type": "application/json" },
        // One request at a time per connection: the context is that request's until its response is read.
        setupRequest: (request, context) => {
          const n = seq++;
          context.seq = n;
          if (n === 0) first = performance.now();
          return { ...request, body: JSON.stringify(submissionBody(options.unitId, options.run, n)) };
        },
        onResponse: (status, _body, context) => {
          answered.set(context.seq as number, status);
          last = performance.now();
          if (status >= 200 && status < 300) okTimes.push(last);
        },
      },
    ],
  });
  const ok = okTimes.length;
  const middle = (first + last) / 2;
  const late = okTimes.filter((t) => t >= middle).length;
  const lateRate = last > middle ? late / ((last - middle) / 1000) : 0;
  return { run: options.run, result, sent: seq, answered, ok, seconds: (last - first) / 1000, lateRate };
}

/**
 * Matches the rows of a run to its requests. With `cutOffAllowed` (a run ended by time, whose last
 * requests autocannon abandons in flight), rows of requests sent but never answered are allowed, up to one
 * per connection; otherwise rows must equal 2xx answers exactly.
 */
async function verify(
  server: Server,
  label: string,
  target: TargetName,
  done: Load,
  { cutOffAllowed, connections }: { cutOffAllowed: boolean; connections: number },
): Promise<{ rows: number; cutOff: number }> {
  const counts = (await server.call({ cmd: "tagCounts", target, run: done.run })) as TagCounts;
  const { result } = done;
  const problems: string[] = [];
  if (result.errors > 0) problems.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats).map(([code, s]) => `${code}×${s.count}`).join(", ");
    problems.push(`${result.non2xx} non-2xx responses (${codes})`);
  }
  if (result["2xx"] !== done.ok) problems.push(`autocannon counted ${result["2xx"]} 2xx but ${done.ok} were seen`);

  const byTag = new Map(counts.tags);
  let lost = 0;
  let cutOff = 0;
  const doubled: string[] = [];
  const strangers: string[] = [];
  for (const [seq, status] of done.answered) {
    if (status >= 200 && status < 300 && !byTag.has(`${done.run}-${seq}`)) lost++;
  }
  for (const [tag, n] of byTag) {
    if (n > 1) doubled.push(`${tag}×${n}`);
    const seq = Number(tag?.slice(done.run.length + 1));
    if (!tag || !tag.startsWith(`${done.run}-`) || !Number.isInteger(seq) || seq >= done.sent) strangers.push(String(tag));
    else if (!done.answered.has(seq)) cutOff++;
    else if ((done.answered.get(seq) ?? 0) >= 300) strangers.push(`${tag} (answered ${done.answered.get(seq)})`);
  }
  if (lost > 0) problems.push(`${lost} requests answered 2xx have no row (lost)`);
  if (doubled.length > 0) problems.push(`rows stored twice: ${doubled.slice(0, 5).join(", ")}`);
  if (strangers.length > 0) problems.push(`rows not matching an accepted request: ${strangers.slice(0, 5).join(", ")}`);
  if (!cutOffAllowed && counts.rows !== done.ok) problems.push(`${counts.rows} rows for ${done.ok} 2xx answers`);
  if (cutOffAllowed && cutOff > connections) problems.push(`${cutOff} rows of unanswered requests (> ${connections} connections)`);
  if (counts.audits !== undefined && counts.audits !== counts.rows) {
    problems.push(`${counts.audits} audit entries for ${counts.rows} opinions`);
  }
  if (done.ok === 0) problems.push("no request succeeded");
  if (problems.length > 0) throw new CheckFailure(`${label}: ${problems.join("; ")}`);
  return { rows: counts.rows, cutOff };
}

export interface Measured {
  engine: Engine;
  target: TargetName;
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rows: number;
  warmupRps: number;
  /** CPU time per stored request, in microseconds: the server process, and PostgreSQL's backends (0 on PGlite). */
  appMicrosPerRequest: number;
  dbMicrosPerRequest: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Measures `target` once; `round` (1-based) keeps each round's request tags apart. */
export async function measure(
  server: Server,
  engine: Engine,
  target: TargetName,
  options: Options,
  round = 1,
): Promise<Measured> {
  const port = target === "baseline" ? server.baselinePort : server.productPort;
  const path = target === "baseline" ? "/baseline" : "/api/public/opinions";
  // Tags are lower-case letters: engine, target, round (a, b, c …).
  const code = `${engine === "pglite" ? "l" : "g"}${target === "baseline" ? "b" : "p"}${String.fromCharCode(96 + round)}`;
  const label = `${engine} ${target}`;
  const common = { port, path, unitId: server.unitId, connections: options.connections };

  progress(`${label}: warm-up ${options.warmup} s`);
  const warm = await load({ ...common, run: `${code}w`, duration: options.warmup });
  await sleep(1000); // let the requests abandoned at the end of the warm-up finish
  const warmCheck = await verify(server, `${label} warm-up`, target, warm, {
    cutOffAllowed: true,
    connections: options.connections,
  });
  // The second half of the warm-up, past the cold start, predicts the measured rate best.
  const warmupRps = warm.lateRate || warm.ok / warm.result.duration;
  // A fixed number of requests sized to last about --duration: the run ends when every request sent is
  // answered, so rows can be compared to 2xx answers exactly (a timed run abandons its last requests).
  const amount = Math.max(options.connections * 20, Math.round(warmupRps * options.duration));
  progress(
    `${label}: warm-up ${Math.round(warmupRps)} req/s, ${warm.ok} answered` +
      (warmCheck.cutOff ? ` (+${warmCheck.cutOff} stored after the cut-off)` : "") +
      `; measuring ${amount} requests (~${options.duration} s)`,
  );
  const cpuBefore = (await server.call({ cmd: "cpu" })) as CpuSnapshot;
  const done = await load({ ...common, run: `${code}m`, amount });
  const cpu = cpuUsed(cpuBefore, (await server.call({ cmd: "cpu" })) as CpuSnapshot);
  const { rows } = await verify(server, label, target, done, { cutOffAllowed: false, connections: options.connections });
  const r = done.result;
  const measured: Measured = {
    engine,
    target,
    connections: options.connections,
    requests: done.ok,
    seconds: done.seconds,
    rps: done.ok / done.seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    rows,
    warmupRps,
    appMicrosPerRequest: cpu.app / done.ok,
    dbMicrosPerRequest: cpu.db / done.ok,
  };
  progress(
    `${label}: ${Math.round(measured.rps)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ` +
      `${rows} rows = ${done.ok} 2xx`,
  );
  return measured;
}

export interface Burst {
  engine: Engine;
  ok: number;
  errors: string[];
  wallMs: number;
  p50: number;
  maxMs: number;
  counts: UnitCounts;
}

/** BURST_SIZE citizens submit their first opinion at the same moment to a unit that has none, on a cold server. */
export async function burst(server: Server, engine: Engine): Promise<Burst> {
  const { unitId } = (await server.call({ cmd: "newUnit" })) as { unitId: string };
  const url = `http://127.0.0.1:${server.productPort}/api/public/opinions`;
  const run = `${engine === "pglite" ? "l" : "g"}f`;
  const bodies = Array.from({ length: BURST_SIZE }, (_, i) => JSON.stringify(burstBody(unitId, run, i)));
  const t0 = performance.now();
  const outcomes = await Promise.all(
    bodies.map(async (body) => {
      try {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        return { status: response.status, text: await response.text(), ms: performance.now() - t0 };
      } catch (error) {
        return { status: 0, text: String(error), ms: performance.now() - t0 };
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const counts = (await server.call({ cmd: "unitCounts", unitId })) as UnitCounts;
  const errors = outcomes.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.text.slice(0, 200)}`);
  const codes = new Set(
    outcomes.filter((o) => o.status === 201).map((o) => (JSON.parse(o.text) as { trackingCode: string }).trackingCode),
  );
  const problems = [...errors];
  const withContact = Math.ceil(BURST_SIZE / 2);
  if (codes.size !== outcomes.length - errors.length) problems.push(`${codes.size} distinct tracking codes`);
  if (counts.opinions !== BURST_SIZE) problems.push(`${counts.opinions} opinions stored`);
  if (counts.distinctTrackingCodes !== BURST_SIZE) problems.push(`${counts.distinctTrackingCodes} distinct codes stored`);
  if (counts.audits !== BURST_SIZE) problems.push(`${counts.audits} audit entries`);
  if (counts.contacts !== withContact) problems.push(`${counts.contacts} contacts for ${withContact} given`);
  if (problems.length > 0) {
    throw new CheckFailure(`${engine}: ${BURST_SIZE} simultaneous first submissions: ${problems.slice(0, 8).join("; ")}`);
  }
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const result: Burst = {
    engine,
    ok: BURST_SIZE - errors.length,
    errors,
    wallMs,
    p50: ms[Math.floor((ms.length - 1) / 2)] ?? 0,
    maxMs: ms.at(-1) ?? 0,
    counts,
  };
  progress(`${engine}: ${BURST_SIZE} simultaneous first submissions: all 201 in ${Math.round(wallMs)} ms, ${counts.opinions} rows`);
  return result;
}

/** What one engine gave. */
export interface EngineResult {
  engine: Engine;
  serverVersion: string;
  burst: Burst;
  /** Baseline then product, measured back to back, round after round. */
  rounds: { baseline: Measured; product: Measured }[];
  loadBefore: number;
  loadAfter: number;
}
