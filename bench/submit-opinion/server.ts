/**
 * The server side of the benchmark, forked by run.ts so that the load generator does not share its
 * event loop: opens the database (PostgreSQL, or PGlite in a data directory as in embedded mode),
 * migrates it, creates a demo-like unit, and serves on loopback
 *  - the baseline: a bare Fastify route inserting one row with one parameterised query, and
 *  - the product: buildApp() from src/app.ts (POST /api/public/opinions),
 * both on the same database handle. It answers the parent's row counts over IPC.
 */
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { sql } from "kysely";
import { buildApp } from "../../src/app.ts";
import { deriveKeys } from "../../src/crypto/keys.ts";
import { openDb } from "../../src/db/index.ts";
import { migrate } from "../../src/db/migrate.ts";
import { createUnit } from "../../src/units/units.service.ts";
import { cpuSnapshot } from "../support/cpu.ts";
import { runLikePattern, TAG_PATTERN, type SubmissionBody } from "./bodies.ts";
import {
  SERVER_TARGET_ENV,
  type Command,
  type CommandResult,
  type ParentMessage,
  type ServerMessage,
  type ServerTarget,
  type TagCounts,
  type UnitCounts,
} from "./protocol.ts";

const send = (message: ServerMessage) => process.send?.(message);

const target = JSON.parse(process.env[SERVER_TARGET_ENV] ?? "null") as ServerTarget | null;
if (!target || !process.send) {
  console.error("bench/submit-opinion/server.ts is started by run.ts, not by hand.");
  process.exit(2);
}

const handle = await openDb(
  target.engine === "postgres" ? { kind: "postgres", url: target.url } : { kind: "pglite", dataDir: target.dataDir },
);
const { db } = handle;
await migrate(db);
await sql`CREATE TABLE bench_baseline (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id    uuid NOT NULL,
  content    text NOT NULL,
  kind       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`.execute(db);
const serverVersion = (await sql<{ server_version: string }>`SHOW server_version`.execute(db)).rows[0]?.server_version ?? "?";

// A demo-like unit: the province and one of its commune-level units, which receives the opinions.
const provinceId = randomUUID();
await createUnit({
  db,
  unit: {
    id: provinceId,
    name: "Công an tỉnh Thanh Hóa",
    shortName: "CATH",
    levelCode: "province",
    parentId: null,
    areaCode: "38",
    validFrom: "1976-01-01",
  },
});
const unitId = await createUnit({
  db,
  unit: {
    name: "Công an xã Thiệu Hóa",
    shortName: "CAX Thiệu Hóa",
    levelCode: "commune",
    parentId: provinceId,
    validFrom: "2025-07-01",
  },
});

// (a) The baseline: the same body, parsed by Fastify, one parameterised INSERT through the same pool.
const baseline = Fastify({ logger: false, bodyLimit: 256 * 1024 });
baseline.post("/baseline", async (request, reply) => {
  const body = request.body as SubmissionBody;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO bench_baseline (unit_id, content, kind) VALUES (${body.unitId}, ${body.content}, ${body.kind})
    RETURNING id`.execute(db);
  return reply.status(201).send({ id: rows[0]?.id });
});

// (b) The product, as main.ts builds it, with the public rate limit out of the way.
const product = await buildApp({
  db,
  engine: handle.engine,
  keys: deriveKeys("benchmark-secret-that-is-long-enough-0123456789"),
  config: {
    publicRateLimitPerMinute: 1_000_000_000,
    publicRateLimitPerDevicePerMinute: 1_000_000_000,
    trustProxy: false,
    logLevel: "silent",
  },
});

await baseline.listen({ host: "127.0.0.1", port: 0 });
await product.listen({ host: "127.0.0.1", port: 0 });
const portOf = (app: { server: { address(): unknown } }) => (app.server.address() as { port: number }).port;

let units = 0;

async function tagCounts(targetName: "baseline" | "product", run: string): Promise<TagCounts> {
  const like = runLikePattern(run);
  if (targetName === "baseline") {
    const { rows } = await sql<{ tag: string; n: number }>`
      SELECT substring(content from ${TAG_PATTERN}) AS tag, count(*)::int AS n
      FROM bench_baseline WHERE content LIKE ${like} GROUP BY 1`.execute(db);
    return { tags: rows.map((r) => [r.tag, r.n]), rows: rows.reduce((s, r) => s + r.n, 0) };
  }
  const { rows } = await sql<{ tag: string; n: number }>`
    SELECT substring(content from ${TAG_PATTERN}) AS tag, count(*)::int AS n
    FROM opinions WHERE content LIKE ${like} GROUP BY 1`.execute(db);
  const audits = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log a JOIN opinions o ON a.entity_id = o.id::text
    WHERE a.entity_type = 'opinion' AND a.action = 'opinion.create' AND o.content LIKE ${like}`.execute(db);
  return {
    tags: rows.map((r) => [r.tag, r.n]),
    rows: rows.reduce((s, r) => s + r.n, 0),
    audits: audits.rows[0]?.n ?? 0,
  };
}

async function unitCounts(id: string): Promise<UnitCounts> {
  const { rows } = await sql<UnitCounts>`
    SELECT
      (SELECT count(*)::int FROM opinions WHERE unit_id = ${id}) AS opinions,
      (SELECT count(DISTINCT tracking_code)::int FROM opinions WHERE unit_id = ${id}) AS "distinctTrackingCodes",
      (SELECT count(*)::int FROM audit_log a JOIN opinions o ON a.entity_id = o.id::text
        WHERE a.entity_type = 'opinion' AND a.action = 'opinion.create' AND o.unit_id = ${id}) AS audits,
      (SELECT count(*)::int FROM opinion_contacts c JOIN opinions o ON o.id = c.opinion_id WHERE o.unit_id = ${id}) AS contacts
  `.execute(db);
  return rows[0]!;
}

let closing: Promise<void> | undefined;
function close(): Promise<void> {
  closing ??= (async () => {
    await baseline.close();
    await product.close();
    await handle.close();
  })();
  return closing;
}

async function execute(command: Command): Promise<CommandResult> {
  switch (command.cmd) {
    case "tagCounts":
      return tagCounts(command.target, command.run);
    case "newUnit": {
      units += 1;
      const id = await createUnit({
        db,
        unit: {
          name: `Công an xã Thiệu Vận ${units}`,
          shortName: `CAX Thiệu Vận ${units}`,
          levelCode: "commune",
          parentId: provinceId,
          validFrom: "2025-07-01",
        },
      });
      return { unitId: id };
    }
    case "unitCounts":
      return unitCounts(command.unitId);
    case "cpu":
      return cpuSnapshot(db, target?.engine === "postgres");
    case "close":
      await close();
      return null;
  }
}

process.on("message", (message: ParentMessage) => {
  execute(message).then(
    (result) => {
      send({ type: "reply", id: message.id, ok: true, result });
      if (message.cmd === "close") process.disconnect();
    },
    (error: unknown) => send({ type: "reply", id: message.id, ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
// Parent gone (killed or crashed): release the database and the data-directory lock.
process.on("disconnect", () => {
  close().catch(() => {}).finally(() => process.exit(0));
});

send({ type: "ready", baselinePort: portOf(baseline), productPort: portOf(product), unitId, serverVersion });
