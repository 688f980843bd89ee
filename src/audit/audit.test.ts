import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDb } from "../../test/db.ts";
import type { Db } from "../db/index.ts";
import { listAuditTrail, recordAudit } from "./audit.service.ts";

describe.each(ENGINES)("audit log on %s", (engine) => {
  let handle: Db;
  const entityId = "opinion-under-audit";

  beforeAll(async () => {
    handle = await openTestDb(engine);
    for (const action of ["opinion.create", "opinion.contact.view"]) {
      await recordAudit({
        db: handle.db,
        actor: { kind: "public" },
        action,
        entityType: "opinion",
        entityId,
        details: { note: "Ghi chú có dấu" },
        ip: "203.0.113.7",
      });
    }
  });
  afterAll(() => handle.close());

  const allRows = () => handle.db.selectFrom("audit_log").selectAll().orderBy("id").execute();

  it("records who did what to which record, oldest first", async () => {
    const trail = await listAuditTrail({ db: handle.db, entityType: "opinion", entityId });
    expect(trail.map((e) => [e.action, e.actorLabel, e.actorUserId, e.details])).toEqual([
      ["opinion.create", "public", null, { note: "Ghi chú có dấu" }],
      ["opinion.contact.view", "public", null, { note: "Ghi chú có dấu" }],
    ]);
    expect(trail[0]!.at).toBeInstanceOf(Date);
  });

  it.each([
    ["UPDATE", () => handle.db.updateTable("audit_log").set({ action: "auth.login" }).where("entity_id", "=", entityId).execute()],
    ["DELETE", () => handle.db.deleteFrom("audit_log").where("entity_id", "=", entityId).execute()],
    ["DELETE of every row", () => handle.db.deleteFrom("audit_log").execute()],
    ["TRUNCATE", () => sql`TRUNCATE audit_log`.execute(handle.db)],
  ])("refuses %s (the trigger raises) and keeps the rows unchanged", async (_operation, statement) => {
    const before = await allRows();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await expect(statement()).rejects.toThrow(/audit_log is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
    await expect(statement()).rejects.toMatchObject({ code: "42501" });
    expect(await allRows()).toEqual(before);
  });

  it("refuses a change inside a transaction too, rolling the transaction back", async () => {
    const before = await allRows();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await recordAudit({ db: trx, actor: { kind: "public" }, action: "auth.login_failed", entityType: "user", entityId: "x" });
        await trx.deleteFrom("audit_log").where("entity_id", "=", entityId).execute();
      }),
    ).rejects.toThrow(/append-only/);
    expect(await allRows()).toEqual(before);
  });

  it("still accepts new entries after refusing changes", async () => {
    const before = (await allRows()).length;
    await recordAudit({ db: handle.db, actor: { kind: "public" }, action: "auth.login_failed", entityType: "user", entityId: "y" });
    expect(await allRows()).toHaveLength(before + 1);
  });
});
