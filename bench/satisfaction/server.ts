/**
 * The server side of the satisfaction benchmark, forked by run.ts so that autocannon does not share its
 * event loop: serves the product (buildApp: POST /api/public/surveys/…/responses) and the baseline (a bare
 * Fastify route doing one parameterised INSERT of the same body) on the same database handle.
 */
import Fastify from "fastify";
import { sql } from "kysely";
import { buildApp } from "../../src/app.ts";
import { deriveKeys } from "../../src/crypto/keys.ts";
import { openDb } from "../../src/db/index.ts";
import { cpuSnapshot } from "../support/cpu.ts";
import { TARGET_ENV, type Target } from "./protocol.ts";


const target = JSON.parse(process.env[TARGET_ENV] ?? "null") as Target | null;
if (!target || !process.send) {
  console.error("bench/satisfaction/server.ts is started by run.ts, not by hand.");
  process.exit(2);
}
const handle = await openDb(target.engine === "postgres" ? { kind: "postgres", url: target.url } : { kind: "pglite", dataDir: target.dataDir });
const { db } = handle;
await sql`CREATE TABLE IF NOT EXISTS bench_baseline (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, campaign_id uuid NOT NULL, unit_id uuid NOT NULL,
  client_key uuid NOT NULL, answers jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`.execute(db);

const baseline = Fastify({ logger: false });
baseline.post("/baseline/:campaignId/:unitId", async (request, reply) => {
  const { campaignId, unitId } = request.params as { campaignId: string; unitId: string };
  const body = request.body as { clientKey: string; answers: Record<string, number> };
  await sql`INSERT INTO bench_baseline (campaign_id, unit_id, client_key, answers)
            VALUES (${campaignId}, ${unitId}, ${body.clientKey}, ${JSON.stringify(body.answers)})`.execute(db);
  return reply.status(201).send({ status: "recorded" });
});
const product = await buildApp({
  db,
  engine: handle.engine,
  keys: deriveKeys("bench-secret-that-is-long-enough-0123456789"),
  config: { publicRateLimitPerMinute: 1e9, publicRateLimitPerDevicePerMinute: 1e9, trustProxy: false, logLevel: "silent" },
});
await baseline.listen({ port: 0, host: "127.0.0.1" });
await product.listen({ port: 0, host: "127.0.0.1" });
const portOf = (server: typeof baseline.server) => {
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
};

process.on("message", async (message: { type: "count"; campaignId: string } | { type: "cpu" } | { type: "close" }) => {
  if (message.type === "cpu") {
    process.send?.({ type: "cpu", snapshot: await cpuSnapshot(db, target.engine === "postgres") });
    return;
  }
  if (message.type === "close") {
    await product.close();
    await baseline.close();
    await handle.close();
    process.exit(0);
  }
  const responses = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM survey_responses WHERE campaign_id = ${message.campaignId}`.execute(db);
  const base = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM bench_baseline`.execute(db);
  process.send?.({ type: "counts", responses: Number(responses.rows[0]?.n ?? 0), baseline: Number(base.rows[0]?.n ?? 0) });
});
process.send({ type: "ready", baselinePort: portOf(baseline.server), productPort: portOf(product.server) });
