import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import type { Database, Executor } from "../db/index.ts";
import { AppError, badRequest, forbidden, notFound } from "../http/errors.ts";
import { loadInScope } from "../opinions/opinions.service.ts";
import { dayInVietnam, todayInVietnam } from "../text/dates.ts";
import { isInSubtree } from "../units/units.service.ts";
import type { CreateRemedialActionBody, RemedialActionResponse, RemedialStatusBody } from "./remedies.schemas.ts";
import {
  findRemedialAction,
  insertRemedialAction,
  listRemedialActionsOfOpinion,
  updateRemedialStatus,
} from "./remedies.queries.ts";
import { canMoveRemedial, nextRemedialStatuses, type RemedialStatus } from "./remedies.workflow.ts";

type Row = NonNullable<Awaited<ReturnType<typeof findRemedialAction>>>;

/** Officers and leaders handle remedial actions; admins and inspectors only read them. */
function handlerRole(actor: UserActor): "officer" | "leader" | undefined {
  return actor.role === "officer" || actor.role === "leader" ? actor.role : undefined;
}

function present(row: Row, actor: UserActor, today: string): RemedialActionResponse {
  const status = row.status as RemedialStatus;
  const role = handlerRole(actor);
  return {
    id: row.id,
    opinionId: row.opinion_id,
    title: row.title,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status,
    evidence: row.evidence,
    isOverdue: (status === "planned" || status === "in_progress") && row.due_date < today,
    createdAt: row.created_at.toISOString(),
    doneAt: row.done_at ? row.done_at.toISOString() : null,
    verifiedAt: row.verified_at ? row.verified_at.toISOString() : null,
    verifiedBy: row.verified_by_name,
    nextStatuses: role ? nextRemedialStatuses(status, role) : [],
  };
}

/** The remedial actions of an opinion of the actor's subtree. */
export async function listRemedialActions({ db, actor, opinionId }: { db: Executor; actor: UserActor; opinionId: string }) {
  const { facts } = await loadInScope(db, actor, opinionId);
  if (!facts.inScope) throw forbidden();
  const rows = await listRemedialActionsOfOpinion(db, opinionId);
  const today = todayInVietnam();
  return { items: rows.map((row) => present(row, actor, today)), canCreate: handlerRole(actor) !== undefined };
}

/**
 * Plans a remedial action for what an opinion revealed ("tự soi, tự sửa"): what, who is responsible, by
 * when. It belongs to the opinion's unit; audited.
 */
export async function createRemedialAction({
  db,
  actor,
  opinionId,
  input,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  opinionId: string;
  input: CreateRemedialActionBody;
}): Promise<RemedialActionResponse> {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (!facts.inScope || !handlerRole(actor)) throw forbidden();
  if (input.dueDate < dayInVietnam(opinion.received_at)) throw badRequest("remedy.due_before_opinion", "dueDate");
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertRemedialAction(trx, {
      opinionId,
      unitId: opinion.unit_id,
      title: input.title,
      ownerName: input.ownerName,
      dueDate: input.dueDate,
      createdBy: actor.id,
    });
    await recordAudit({
      db: trx,
      actor,
      action: "remedy.create",
      entityType: "remedial_action",
      entityId: created,
      details: { opinionId, dueDate: input.dueDate },
    });
    return created;
  });
  const row = await findRemedialAction(db, id);
  if (!row) throw notFound("remedy.not_found");
  return present(row, actor, todayInVietnam());
}

/**
 * Moves a remedial action on: started, done (with evidence), verified by a leader, or sent back by a
 * leader. A concurrent change makes this one fail with 409; every move is audited.
 */
export async function moveRemedialAction({
  db,
  actor,
  actionId,
  input,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  actionId: string;
  input: RemedialStatusBody;
}): Promise<RemedialActionResponse> {
  const row = await findRemedialAction(db, actionId);
  if (!row) throw notFound("remedy.not_found");
  if (!(await isInSubtree({ db, rootId: actor.unitId, unitId: row.unit_id }))) throw forbidden();
  const role = handlerRole(actor);
  const from = row.status as RemedialStatus;
  if (!role) throw forbidden();
  if (!canMoveRemedial(from, input.status, role)) {
    if (role === "officer" && canMoveRemedial(from, input.status, "leader")) throw forbidden();
    throw new AppError(409, "remedy.invalid_transition", { params: { status: from } });
  }
  if (input.status === "done" && !input.evidence && !row.evidence) throw badRequest("remedy.evidence_required", "evidence");
  await db.transaction().execute(async (trx) => {
    const moved = await updateRemedialStatus(trx, {
      id: actionId,
      from,
      to: input.status,
      evidence: input.evidence ?? null,
      actorId: actor.id,
    });
    if (!moved) throw new AppError(409, "remedy.invalid_transition", { params: { status: from } });
    await recordAudit({
      db: trx,
      actor,
      action: `remedy.${input.status}`,
      entityType: "remedial_action",
      entityId: actionId,
      details: { from, to: input.status },
    });
  });
  const updated = await findRemedialAction(db, actionId);
  if (!updated) throw notFound("remedy.not_found");
  return present(updated, actor, todayInVietnam());
}
