/**
 * Benchmark: one forum live — 2,000 phones on its live page (server-sent events), 300 opinions sent from
 * phones and 5,000 supports ("+1") over five minutes, a chair who puts each new opinion on the projector as
 * soon as the moderation screen shows it. Measures the time from a phone's submission to the opinion's
 * appearance on the projector (and on sampled phones), the server process's CPU time and memory, and checks
 * that nothing was lost or doubled. The server runs in a forked process (server.ts). Run with --help.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { describeMachine } from "../support/machine.ts";
import { writePerformanceSection } from "../support/performance-doc.ts";
import { deviceCookie, openStream, type Phone } from "./phones.ts";
import { SERVER_TARGET_ENV, type FinishedMessage, type ReadyMessage, type ServerMessage, type ServerTarget } from "./protocol.ts";

/** Each engine has its section of docs/PERFORMANCE.md. */
const sectionHeading = (engine: "postgres" | "pglite") => `## Forum live on ${engine === "postgres" ? "PostgreSQL" : "PGlite"} (bench/forum-live)`;
const TARGET_P99_MS = 1_000;
const USAGE = `Usage: npx tsx bench/forum-live/run.ts [options]

Options:
  --phones <n>     phones on the live page (default 2000)
  --opinions <n>   opinions sent from phones (default 300)
  --supports <n>   supports ("+1"), each a distinct phone and opinion (default 5000)
  --seconds <s>    over how long (default 300)
  --engine <e>     postgres (default) or pglite
  --watchers <n>   phones that record when each opinion appears, besides the projector (default 20)
  --write          replace the engine's "Forum live on … (bench/forum-live)" section of docs/PERFORMANCE.md
  -h, --help       this text

Environment: TEST_DATABASE_URL (default postgres://localhost:5432/test): a database ln_bench_<random> is
created there and dropped at the end.
Exit status: 0 done and every check passed; 1 a check failed; 2 bad arguments.`;

const { values } = parseArgs({
  options: {
    phones: { type: "string", default: "2000" },
    opinions: { type: "string", default: "300" },
    supports: { type: "string", default: "5000" },
    seconds: { type: "string", default: "300" },
    engine: { type: "string", default: "postgres" },
    watchers: { type: "string", default: "20" },
    write: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const opts = {
  phones: Number(values.phones),
  opinions: Number(values.opinions),
  supports: Number(values.supports),
  seconds: Number(values.seconds),
  watchers: Number(values.watchers),
  engine: values.engine as "postgres" | "pglite",
};
if (![opts.phones, opts.opinions, opts.supports, opts.seconds].every((n) => Number.isInteger(n) && n > 0) || !["postgres", "pglite"].includes(opts.engine)) {
  console.error(USAGE);
  process.exit(2);
}
if (opts.supports > opts.phones * opts.opinions) {
  console.error("--supports cannot exceed phones × opinions (one support per phone and opinion)");
  process.exit(2);
}

const log = (text: string) => console.log(`[forum-live] ${text}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

// The database.
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://localhost:5432/test";
const withDb = (database: string) => {
  const u = new URL(adminUrl);
  if (!u.username) u.username = os.userInfo().username;
  u.pathname = `/${database}`;
  return u.toString();
};
const admin = async (text: string) => {
  const client = new pg.Client({ connectionString: withDb(new URL(adminUrl).pathname.slice(1) || "postgres") });
  await client.connect();
  await client.query(text);
  await client.end();
};
let target: ServerTarget;
let cleanup: () => Promise<void>;
if (opts.engine === "postgres") {
  const name = `ln_bench_${randomBytes(5).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  target = { engine: "postgres", url: withDb(name) };
  cleanup = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} else {
  const dataDir = mkdtempSync(join(os.tmpdir(), "ln-bench-forum-"));
  target = { engine: "pglite", dataDir };
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
}

const child = fork(fileURLToPath(new URL("./server.ts", import.meta.url)), [], {
  env: { ...process.env, [SERVER_TARGET_ENV]: JSON.stringify(target) },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const nextMessage = <T extends ServerMessage["type"]>(type: T) =>
  new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message as Extract<ServerMessage, { type: T }>);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });

try {
  const ready: ReadyMessage = await nextMessage("ready");
  const base = `http://127.0.0.1:${ready.port}`;
  const { forumId, chairCookie } = ready;

  // The phones open the forum page (device cookie) and its live stream; the first is the projector.
  log(`connecting ${opts.phones} phones…`);
  const phones: Phone[] = [];
  const watchEvery = Math.max(1, Math.floor(opts.phones / Math.max(1, opts.watchers)));
  for (let i = 0; i < opts.phones; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, opts.phones - i) }, async (_, j) => {
        const cookie = await deviceCookie(base, forumId);
        return openStream(base, `/api/public/forums/${forumId}/live`, cookie, { watch: (i + j) % watchEvery === 0 });
      }),
    );
    phones.push(...batch);
  }
  const projector = phones[0]!;
  const watchers = phones.filter((p) => p.firstSeen && p !== projector);
  log(`${phones.length} phones connected (${watchers.length} watching besides the projector)`);

  // The chair: puts each new opinion on the projector as soon as the moderation screen shows it.
  const presented = new Set<string>();
  const shownIds: string[] = [];
  const errors: string[] = [];
  const post = async (path: string, cookie: string, body?: object) => {
    const response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
    const text = await response.text();
    if (!response.ok) errors.push(`${path} → ${response.status} ${text.slice(0, 200)}`);
    return { ok: response.ok, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const chairSeenAt = new Map<string, number>();
  const presentSentAt = new Map<string, number>();
  const chair = await openStream(base, `/api/forums/${forumId}/live`, chairCookie, {
    watch: false,
    onState: (data) => {
      const state = JSON.parse(data) as { items: { id: string; moderation: string }[] };
      for (const item of state.items) {
        if (item.moderation !== "pending" || presented.has(item.id)) continue;
        presented.add(item.id);
        chairSeenAt.set(item.id, performance.now());
        presentSentAt.set(item.id, performance.now());
        void post(`/api/forums/${forumId}/items/${item.id}/moderation`, chairCookie, { action: "present" }).then((r) => {
          if (r.ok) shownIds.push(item.id);
        });
      }
    },
  });

  // The load: opinions and supports at random times over the period.
  child.send({ type: "start" });
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const sentAt = new Map<string, number>();
  let opinionsOk = 0;
  let supportsOk = 0;
  let supportsAdded = 0;
  const used = new Set<string>();
  const pending: Promise<void>[] = [];
  const times = (n: number, from: number) => Array.from({ length: n }, () => from + Math.random() * (opts.seconds * 1000 - from)).sort((a, b) => a - b);
  for (const [k, at] of times(opts.opinions, 0).entries()) {
    pending.push(
      sleep(at).then(async () => {
        const phone = phones[Math.floor(Math.random() * phones.length)]!;
        const t0 = performance.now();
        const r = await post(`/api/public/forums/${forumId}/opinions`, phone.cookie, {
          content: `Ý kiến số ${k + 1}: đề nghị Công an xã tăng cường tuần tra ở thôn ${k % 12 + 1} vào buổi tối, nhiều xe máy chạy quá tốc độ.`,
        });
        if (r.ok) {
          opinionsOk += 1;
          sentAt.set(String(r.json().itemId), t0);
        }
      }),
    );
  }
  for (const at of times(opts.supports, Math.min(5_000, opts.seconds * 100))) {
    pending.push(
      sleep(at).then(async () => {
        while (shownIds.length === 0) await sleep(200);
        let phoneIndex = 0;
        let item = "";
        for (let attempt = 0; attempt < 1000; attempt++) {
          phoneIndex = Math.floor(Math.random() * phones.length);
          item = shownIds[Math.floor(Math.random() * shownIds.length)]!;
          if (!used.has(`${phoneIndex}:${item}`)) break;
        }
        used.add(`${phoneIndex}:${item}`);
        const r = await post(`/api/public/forums/${forumId}/items/${item}/support`, phones[phoneIndex]!.cookie);
        if (r.ok) {
          supportsOk += 1;
          supportsAdded += 1;
        }
      }),
    );
  }
  const progress = setInterval(
    () => log(`${Math.round((performance.now() - started) / 1000)} s: ${opinionsOk} opinions, ${supportsOk} supports, ${shownIds.length} on the projector`),
    30_000,
  );
  await Promise.all(pending);
  const loadSeconds = (performance.now() - started) / 1000;
  // Let the last updates arrive.
  const settleUntil = performance.now() + 10_000;
  while (performance.now() < settleUntil && [...sentAt.keys()].some((id) => !projector.firstSeen?.has(id))) await sleep(100);
  await sleep(1_000);
  clearInterval(progress);
  const clientCpu = process.cpuUsage(cpuStart);
  const wall = (performance.now() - started) / 1000;
  child.send({ type: "finish" });
  const finished: FinishedMessage = await nextMessage("finished");

  // Latencies: submission → first appearance on the projector, and on every watching phone.
  const projectorMs: number[] = [];
  const allWatchersMs: number[] = [];
  let lostOnProjector = 0;
  for (const [id, t0] of sentAt) {
    const seen = projector.firstSeen?.get(id);
    if (seen === undefined) lostOnProjector += 1;
    else projectorMs.push(seen - t0);
    const onWatchers = watchers.map((w) => w.firstSeen?.get(id));
    if (onWatchers.every((t) => t !== undefined)) allWatchersMs.push(Math.max(...(onWatchers as number[])) - t0);
  }
  const toChairMs: number[] = [];
  const chairToProjectorMs: number[] = [];
  for (const [id, t0] of sentAt) {
    const seenByChair = chairSeenAt.get(id);
    const sent = presentSentAt.get(id);
    const onProjector = projector.firstSeen?.get(id);
    if (seenByChair !== undefined) toChairMs.push(seenByChair - t0);
    if (sent !== undefined && onProjector !== undefined) chairToProjectorMs.push(onProjector - sent);
  }
  toChairMs.sort((a, b) => a - b);
  chairToProjectorMs.sort((a, b) => a - b);
  projectorMs.sort((a, b) => a - b);
  allWatchersMs.sort((a, b) => a - b);
  const finalShown = phones.map((p) => (p.lastData ? (JSON.parse(p.lastData) as { shownCount: number }).shownCount : -1));
  const phonesUpToDate = finalShown.filter((n) => n === opts.opinions).length;
  const events = phones.reduce((n, p) => n + p.events, 0);
  for (const p of [...phones, chair]) p.close();

  const s = finished.stored;
  const checks = [
    { what: "opinions answered 201", ok: opinionsOk === opts.opinions, detail: `${opinionsOk} / ${opts.opinions}` },
    { what: "opinions stored once (rows, forum items, distinct texts)", ok: s.opinions === opts.opinions && s.items === opts.opinions && s.distinctContents === opts.opinions, detail: `${s.opinions}, ${s.items}, ${s.distinctContents}` },
    { what: "every opinion shown and seen on the projector", ok: s.shown === opts.opinions && lostOnProjector === 0, detail: `${s.shown} shown, ${lostOnProjector} never seen` },
    { what: "supports answered 200 and stored once", ok: supportsOk === opts.supports && s.supports === opts.supports && s.supportCountSum === opts.supports, detail: `${supportsOk} answered, ${s.supports} rows, counters sum ${s.supportCountSum}` },
    { what: "every phone's last state shows every opinion", ok: phonesUpToDate === phones.length, detail: `${phonesUpToDate} / ${phones.length}` },
    { what: "no request failed", ok: errors.length === 0, detail: errors.slice(0, 3).join("; ") || "0 errors" },
  ];
  void supportsAdded;
  const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const serverCpuPct = ((finished.cpuUserMs + finished.cpuSystemMs) / finished.wallMs) * 100;
  const clientCpuPct = ((clientCpu.user + clientCpu.system) / 1000 / (wall * 1000)) * 100;
  const p99 = percentile(projectorMs, 99);
  const machine = describeMachine(opts.engine === "postgres" ? { postgresVersion: ready.serverVersion } : { pgliteServerVersion: ready.serverVersion });
  const table = [
    "| measure | value |",
    "|---|--:|",
    `| phones on the live page (SSE) | ${fmt(phones.length)} |`,
    `| opinions sent / supports over | ${fmt(opts.opinions)} / ${fmt(opts.supports)} over ${fmt(loadSeconds)} s |`,
    `| submission → projector, p50 / p95 / p99 / max | ${fmt(percentile(projectorMs, 50))} / ${fmt(percentile(projectorMs, 95))} / **${fmt(p99)}** / ${fmt(projectorMs.at(-1) ?? NaN)} ms |`,
    `| of which submission → chair's moderation screen, p50 / p99 | ${fmt(percentile(toChairMs, 50))} / ${fmt(percentile(toChairMs, 99))} ms |`,
    `| of which chair's "put on screen" → projector, p50 / p99 | ${fmt(percentile(chairToProjectorMs, 50))} / ${fmt(percentile(chairToProjectorMs, 99))} ms |`,
    `| submission → on all ${watchers.length} watching phones too, p50 / p99 | ${fmt(percentile(allWatchersMs, 50))} / ${fmt(percentile(allWatchersMs, 99))} ms |`,
    `| state events delivered to phones | ${fmt(events)} (${fmt(events / phones.length, 1)} per phone) |`,
    `| server process CPU (user + system) | ${fmt(serverCpuPct)} % of one core over ${fmt(finished.wallMs / 1000)} s |`,
    `| server process memory (RSS) at start / peak | ${fmt(finished.rssAtStartMb)} / ${fmt(finished.peakRssMb)} MB |`,
    `| load generator CPU (same machine) | ${fmt(clientCpuPct)} % of one core |`,
  ].join("\n");
  const checkLines = checks.map((c) => `- ${c.ok ? "✓" : "✗"} ${c.what}: ${c.detail}`).join("\n");
  const verdict = `Target p99 < ${fmt(TARGET_P99_MS)} ms: ${p99 < TARGET_P99_MS ? "**met**" : "**not met**"} (${fmt(p99)} ms).`;
  console.log(`\n${table}\n\n${checkLines}\n\n${verdict}`);
  if (values.write) {
    writePerformanceSection(
      sectionHeading(opts.engine),
      [
        sectionHeading(opts.engine),
        "",
        `One forum live on ${opts.engine === "postgres" ? "PostgreSQL" : "PGlite"}: ${fmt(phones.length)} phones hold the live page open (server-sent events, fan-out`,
        "through LISTEN/NOTIFY, one read per change for all of them), phones send opinions and supports at random times, and a",
        "chair bot puts each new opinion on the projector as soon as its moderation stream shows it (so the time includes the",
        "chair's round trip). The server runs in its own process; the load generator shares the 2 cores with it.",
        `Machine: ${machine.cpu}, ${machine.memory}, Node ${machine.node}${machine.postgres ? `, PostgreSQL ${machine.postgres}` : ""}${machine.pglite ? `, PGlite ${machine.pglite}` : ""}.`,
        `Command: \`npx tsx bench/forum-live/run.ts --engine ${opts.engine} --write\`.`,
        "",
        table,
        "",
        checkLines,
        "",
        verdict,
        "",
      ].join("\n"),
    );
  }
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
} finally {
  child.kill();
  await cleanup();
}
process.exit(process.exitCode ?? 0);
