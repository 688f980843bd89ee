import type { Executor } from "../db/index.ts";
import type { RemedialStatus } from "./remedies.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

const columns = [
  "r.id",
  "r.opinion_id",
  "r.unit_id",
  "r.title",
  "r.owner_name",
  "r.due_date",
  "r.status",
  "r.evidence",
  "r.created_at",
  "r.updated_at",
  "r.done_at",
  "r.verified_at",
  "v.display_name as verified_by_name",
] as const;

/** The remedial actions of an opinion, oldest first. */
export async function listRemedialActionsOfOpinion(db: Executor, opinionId: string) {
  return db
    .selectFrom("remedial_actions as r")
    .leftJoin("users as v", "v.id", "r.verified_by")
    .select(columns)
    .where("r.opinion_id", "=", opinionId)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

/** One remedial action. */
export async function findRemedialAction(db: Executor, id: string) {
  return db
    .selectFrom("remedial_actions as r")
    .leftJoin("users as v", "v.id", "r.verified_by")
    .select(columns)
    .where("r.id", "=", id)
    .executeTakeFirst();
}

/** Stores a new remedial action; returns its id. */
export async function insertRemedialAction(
  db: Executor,
  row: { opinionId: string; unitId: string; title: string; ownerName: string; dueDate: string; createdBy: string },
) {
  const inserted = await db
    .insertInto("remedial_actions")
    .values({
      opinion_id: row.opinionId,
      unit_id: row.unitId,
      title: row.title,
      owner_name: row.ownerName,
      due_date: row.dueDate,
      created_by: row.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Moves an action from `from` to `to` (with its evidence); false when its status changed meanwhile. */
export async function updateRemedialStatus(
  db: Executor,
  change: { id: string; from: RemedialStatus; to: RemedialStatus; evidence: string | null; actorId: string },
) {
  const now = clockNow();
  const result = await db
    .updateTable("remedial_actions")
    .set({
      status: change.to,
      updated_at: now,
      ...(change.evidence !== null ? { evidence: change.evidence } : {}),
      ...(change.to === "done" ? { done_at: now } : {}),
      ...(change.to === "verified" ? { verified_at: now, verified_by: change.actorId } : {}),
    })
    .where("id", "=", change.id)
    .where("status", "=", change.from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
