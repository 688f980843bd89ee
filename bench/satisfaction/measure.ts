/** Timing of the dashboard (through the product's service) and of HTTP ingest (product vs baseline). */
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { Executor } from "../../src/db/index.ts";
import { computeDashboard } from "../../src/satisfaction/satisfaction.dashboard.service.ts";
import { requireCampaign } from "../../src/surveys/surveys.campaigns.service.ts";
import type { CpuSnapshot } from "../support/cpu.ts";
import { TARGET_ENV, type Target } from "./protocol.ts";

export function progress(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Percentiles of a list of milliseconds. */
export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, runs: sorted.length };
}

/** Times `runs` computations of a dashboard (after `warmup` unmeasured ones); checks it is not empty. */
export async function timeDashboard(db: Executor, { campaignId, rootUnitId, period, runs, warmup }: { campaignId: string; rootUnitId: string; period: string; runs: number; warmup: number }) {
  const campaign = await requireCampaign({ db, campaignId });
  const times: number[] = [];
  let responses = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const dashboard = await computeDashboard({ db, campaign, rootUnitId, periodText: period });
    if (i >= warmup) times.push(performance.now() - start);
    responses = dashboard.overall.responses;
  }
  if (responses === 0) throw new Error(`empty dashboard for ${rootUnitId} ${period}`);
  return { ...percentiles(times), responses };
}

interface Ready {
  type: "ready";
  baselinePort: number;
  productPort: number;
}

/** The forked server (product and baseline on one database handle). */
export async function startServer(target: Target) {
  const child: ChildProcess = fork(fileURLToPath(new URL("./server.ts", import.meta.url)), [], {
    env: { ...process.env, [TARGET_ENV]: JSON.stringify(target) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("message", (m) => resolve(m as Ready));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    ...ready,
    counts(campaignId: string) {
      return new Promise<{ responses: number; baseline: number }>((resolve) => {
        child.once("message", (m) => resolve(m as { responses: number; baseline: number }));
        child.send({ type: "count", campaignId });
      });
    },
    cpu() {
      return new Promise<CpuSnapshot>((resolve) => {
        child.once("message", (m) => resolve((m as { snapshot: CpuSnapshot }).snapshot));
        child.send({ type: "cpu" });
      });
    },
    async close() {
      child.send({ type: "close" });
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Drives one endpoint with autocannon: a new client key per request, a random evaluated unit. */
export async function ingest({ port, pathOf, communes, duration, connections }: { port: number; pathOf: (unitId: string) => string; communes: string[]; duration: number; connections: number }) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const unitId = communes[Math.floor(Math.random() * communes.length)] as string;
          const level = () => 1 + Math.floor(Math.random() * 5);
          return {
            ...request,
            path: pathOf(unitId),
            body: JSON.stringify({ clientKey: randomUUID(), answers: { security: level(), duties: level(), conduct: level(), force: level() } }),
          };
        },
      },
    ],
  });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, ok: result["2xx"], errors: result.errors + result.non2xx + result.timeouts };
}
